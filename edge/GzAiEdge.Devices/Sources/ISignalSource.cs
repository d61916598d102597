namespace GzAiEdge.Devices.Sources;

/// <summary>Samples of <see cref="Channels"/> (one float each) at <see cref="SampleHz"/> samples per second.</summary>
public sealed record SignalFormat(IReadOnlyList<string> Channels, double SampleHz);

/// <summary>When one sample was taken, and its <paramref name="Index"/> in the current run of consecutive samples.</summary>
/// <param name="Time">Sample time in UTC: from the device's own clock where it has one, else from the read time and the sample rate.</param>
/// <param name="Index">
/// A replay's sample number within its loop (its labelled events are timed by it); a sensor's sample number since
/// it last (re)started. 0 marks a sample that does not follow the one before it (a restart, a FIFO overflow).
/// </param>
public readonly record struct SampleStamp(DateTimeOffset Time, long Index);

/// <summary>
/// A source of multi-channel samples: an accelerometer's FIFO, a PPG sensor, a pulse counter (one channel of
/// counts per interval), a replay.
/// </summary>
public interface ISignalSource : ISource
{
    SignalFormat Format { get; }

    /// <summary>
    /// Reads samples released by <see cref="ISource.Advance"/>, oldest first: as many as fit in both
    /// <paramref name="values"/> (channels interleaved, <see cref="SignalFormat.Channels"/> floats per sample) and
    /// <paramref name="stamps"/> (one per sample). Returns how many were read; 0 when none is left this tick.
    /// </summary>
    int Read(Span<float> values, Span<SampleStamp> stamps);
}
