using GzAiEdge.Devices.Sources;

namespace GzAiEdge.Devices.Replay;

/// <summary>Plays the signal of a replay at its recorded sample rate times <c>speed</c>, looping.</summary>
public sealed class ReplaySignalSource : ReplaySource, ISignalSource
{
    /// <exception cref="InvalidDataException">The replay holds frames or images, not a signal.</exception>
    public ReplaySignalSource(ReplayData replay, double speed = 1)
        : base(replay, replay.Manifest.SampleHz, speed)
    {
        if (replay.Manifest.Kind != "signal")
        {
            throw new InvalidDataException($"replay {replay.Folder} holds {replay.Manifest.Kind}; a signal source needs a signal");
        }

        Format = new SignalFormat(replay.Manifest.Channels, replay.Manifest.SampleHz);
    }

    public SignalFormat Format { get; }

    public int Read(Span<float> values, Span<SampleStamp> stamps)
    {
        var channels = Format.Channels.Count;
        var count = (int)Math.Min(Pending, Math.Min(values.Length / channels, stamps.Length));
        for (var i = 0; i < count; i++)
        {
            var (index, time) = Take();
            Replay.Signal.AsSpan(index * channels, channels).CopyTo(values.Slice(i * channels, channels));
            stamps[i] = new SampleStamp(time, index);
        }

        return count;
    }
}
