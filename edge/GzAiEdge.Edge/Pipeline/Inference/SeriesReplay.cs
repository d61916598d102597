using GzAiEdge.Edge.Pipeline.Replay;
using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Edge.Pipeline.Inference;

/// <summary>
/// Plays a signal replay sample by sample into a sliding window, looping, and keeps the data time of
/// the newest sample so labelled timings can be measured against the replay's events.
/// </summary>
internal sealed class SeriesReplay(ReplayData replay, SlidingWindow window)
{
    private readonly ReplayClock _clock = new(replay.Manifest.SampleHz, replay.Manifest.Count, replay.Speed);
    private readonly int _channels = replay.Manifest.Channels.Count;
    private readonly bool[] _reached = new bool[replay.Manifest.Events.Count];

    public SlidingWindow Window { get; } = window;

    public IReadOnlyList<ReplayEvent> Events => replay.Manifest.Events;

    public double SampleHz => replay.Manifest.SampleHz;

    /// <summary>Seconds from the start of the data to the end of the newest sample.</summary>
    public double DataTime { get; private set; }

    /// <summary>Feeds the samples due in <paramref name="seconds"/>; calls <paramref name="sample"/> for each, <paramref name="ready"/> for each full window.</summary>
    public void Advance(double seconds, Action<ReadOnlySpan<float>> sample, Action ready)
    {
        var due = _clock.Advance(seconds);
        for (var k = 0; k < due; k++)
        {
            var index = _clock.IndexOf(k, due);

            // A new loop makes every labelled event new again. The reset belongs to the loop's first
            // sample, not to a window: that sample seldom completes one (in the vibration replay, never).
            if (index == 0)
            {
                Array.Clear(_reached);
            }

            DataTime = _clock.TimeOf(index + 1);
            var values = replay.Signal.AsSpan(index * _channels, _channels);
            sample(values);
            if (Window.Add(values))
            {
                ready();
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
