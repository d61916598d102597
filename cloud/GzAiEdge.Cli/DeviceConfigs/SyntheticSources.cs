using GzAiEdge.Devices.Sources;

namespace GzAiEdge.Cli.DeviceConfigs;

/// <summary>
/// One mid-grey frame of the camera's size, released at the first tick: enough for a model to run once off the
/// device, where the camera cannot be opened.
/// </summary>
internal sealed class SyntheticFrames(FrameFormat format) : IFrameSource
{
    private readonly byte[] _pixels = Enumerable.Repeat((byte)128, format.FrameBytes).ToArray();
    private bool _released;
    private bool _read;

    public FrameFormat Format { get; } = format;

    public SourceStats Stats => new("synthetic", SourceState.Streaming, null, 1, _read ? 1 : 0, 0, 0, null);

    public void Advance(DateTimeOffset now, TimeSpan elapsed) => _released = true;

    public bool TryRead(out Frame frame)
    {
        frame = new Frame(_pixels, 0, 0, DateTimeOffset.UtcNow);
        if (!_released || _read)
        {
            return false;
        }

        _read = true;
        return true;
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// A constant signal in the sensor's format (its channels, at its rate), released in real-time amounts at each
/// tick: enough to fill a series model's window off the device, where the sensor cannot be opened.
/// </summary>
internal sealed class SyntheticSignal(SignalFormat format) : ISignalSource
{
    private double _due;
    private long _index;

    public SignalFormat Format { get; } = format;

    public SourceStats Stats => new("synthetic", SourceState.Streaming, null, _index, _index, 0, 0, null);

    public void Advance(DateTimeOffset now, TimeSpan elapsed) => _due += elapsed.TotalSeconds * Format.SampleHz;

    public int Read(Span<float> values, Span<SampleStamp> stamps)
    {
        var channels = Format.Channels.Count;
        var count = (int)Math.Min(Math.Floor(_due), Math.Min(stamps.Length, values.Length / channels));
        values[..(count * channels)].Fill(1);
        for (var i = 0; i < count; i++)
        {
            stamps[i] = new SampleStamp(DateTimeOffset.UtcNow, _index++);
        }

        _due -= count;
        return count;
    }

    public void Dispose()
    {
    }
}
