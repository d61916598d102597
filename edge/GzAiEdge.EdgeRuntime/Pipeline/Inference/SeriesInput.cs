using GzAiEdge.Devices.Replay;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Inference.Processing;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Reads a signal source sample by sample into a sliding window, started afresh at each sample that does not
/// follow the one before it (index 0). In labelled mode it keeps the data time of
/// the newest sample (from its index in the replay), so that timings can be measured against the replay's events.
/// Each sample's fate is told to <c>settled</c> once known: run when a window holding it is ready, not run when a seam
/// discards it first or a hop longer than the window passes over it.
/// </summary>
internal sealed class SeriesInput
{
    private const int ChunkSamples = 256;

    private readonly ISignalSource _signal;
    private readonly int _channels;
    private readonly float[] _values;
    private readonly SampleStamp[] _stamps = new SampleStamp[ChunkSamples];
    private readonly bool[] _reached;
    private readonly Action<long, long> _settled;
    private long _pending;

    /// <param name="labels">Labelled mode: the replay <paramref name="signal"/> plays, whose events are the ground truth; else null.</param>
    /// <param name="settled">Told (samples, of which run through the model) as samples' fates become known.</param>
    public SeriesInput(ISignalSource signal, SlidingWindow window, ReplayData? labels, Action<long, long> settled)
    {
        _settled = settled;
        _signal = signal;
        _channels = signal.Format.Channels.Count;
        _values = new float[ChunkSamples * _channels];
        Window = window;
        Events = labels?.Manifest.Events ?? [];
        _reached = new bool[Events.Count];
    }

    public SlidingWindow Window { get; }

    public IReadOnlyList<ReplayEvent> Events { get; }

    public double SampleHz => _signal.Format.SampleHz;

    /// <summary>Seconds from the start of the data to the end of the newest sample.</summary>
    public double DataTime { get; private set; }

    /// <summary>Feeds the samples released in this tick; calls <paramref name="sample"/> for each, <paramref name="ready"/> for each full window.</summary>
    public void Advance(DateTimeOffset time, double seconds, Action<ReadOnlySpan<float>> sample, Action ready)
    {
        _signal.Advance(time, TimeSpan.FromSeconds(seconds));
        int count;
        while ((count = _signal.Read(_values, _stamps)) > 0)
        {
            for (var i = 0; i < count; i++)
            {
                var index = _stamps[i].Index;

                // Index 0 does not follow the sample before it: a replay's new loop, a sensor's restart or a gap in
                // its FIFO. No window may span that seam, and a new loop makes every labelled event new again (a
                // reset that belongs to the loop's first sample, which seldom completes a window).
                if (index == 0)
                {
                    Window.Clear();
                    Array.Clear(_reached);
                    _settled(_pending, 0);
                    _pending = 0;
                }

                DataTime = (index + 1) / SampleHz;
                var values = _values.AsSpan(i * _channels, _channels);
                sample(values);
                _pending++;
                if (Window.Add(values))
                {
                    // The window holds the newest Length samples; with a hop over Length the ones before were passed over.
                    _settled(_pending, Math.Min(_pending, Window.Length));
                    _pending = 0;
                    ready();
                }
            }
        }
    }

    /// <summary>
    /// For each labelled event that the current window overlaps and no earlier window of this loop reached,
    /// adds a <paramref name="name"/> sample of the seconds from its onset to the end of the window.
    /// </summary>
    public void Reach(DateTimeOffset time, string name, List<Sample> samples)
    {
        var end = DataTime;
        var start = end - (Window.Length / SampleHz);
        var events = Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (!_reached[i] && end > events[i].Start && start < events[i].End)
            {
                _reached[i] = true;
                samples.Add(new Sample(time, name, end - events[i].Start));
            }
        }
    }
}
