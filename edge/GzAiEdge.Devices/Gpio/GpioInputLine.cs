using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio;

/// <summary>An input line, with the kernel's edge events when edges were requested.</summary>
public sealed class GpioInputLine : GpioLineRequest, IGpioEdgeEvents
{
    private readonly GpioEventReader? _events;
    private readonly int _clock;

    internal GpioInputLine(FileDescriptor fd, string chip, int offset, GpioInputOptions options)
        : base(fd, chip, offset)
    {
        Options = options;
        Clock = options.EventClock;
        _clock = Clock == GpioEventClock.Realtime ? LibC.ClockRealtime : LibC.ClockMonotonic;
        if (options.Edges != GpioEdges.None)
        {
            // The kernel buffers up to EventBufferSize (16 by default); one read takes what is waiting.
            var capacity = options.EventBufferSize > 0 ? options.EventBufferSize : 16;
            _events = new GpioEventReader(fd, Call, capacity);
        }
    }

    public GpioInputOptions Options { get; }

    public GpioEventClock Clock { get; }

    public long ClockNow() => Native.Clock.NowNanoseconds(_clock);

    public int WaitForEdges(Span<GpioEdgeEvent> events, TimeSpan timeout, CancellationToken cancellationToken) =>
        _events is { } reader ? reader.Wait(events, timeout, cancellationToken)
            : throw new InvalidOperationException($"{Name} was requested without edge detection (GpioInputOptions.Edges)");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _events?.Dispose();
        }

        base.Dispose(disposing);
    }
}
