using GzAiEdge.Devices.Gpio;

namespace GzAiEdge.Devices.Sensors.PulseCounter;

/// <summary>
/// Counts detections (vehicles over an inductive loop, breaks of an IR beam) on one GPIO line from the kernel's
/// timestamped edge events, with software debounce, rate, occupancy and a stuck/silent diagnosis. See README.md.
/// </summary>
/// <remarks>
/// One thread runs <see cref="Run"/> (or calls <see cref="Pump"/>); any thread may call <see cref="Read"/>. The line
/// must have both edges enabled; the caller owns it.
/// </remarks>
public sealed class PulseCounter
{
    /// <summary>The most edge events one <see cref="Pump"/> applies.</summary>
    internal const int EventsPerPump = 64;

    private static readonly TimeSpan PumpTimeout = TimeSpan.FromMilliseconds(100);
    private readonly IGpioEdgeEvents _line;
    private readonly PulseTracker _tracker;
    private readonly GpioEdgeEvent[] _events = new GpioEdgeEvent[EventsPerPump];
    private readonly Lock _lock = new();

    public PulseCounter(IGpioEdgeEvents line, PulseCounterOptions options)
    {
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException($"pulse counter on {line.Name}: {string.Join("; ", errors)}", nameof(options));
        }

        _line = line;
        _tracker = new PulseTracker(options, line.Read(), line.ClockNow());
    }

    /// <summary>The line, for messages.</summary>
    public string Line => _line.Name;

    /// <summary>Waits up to <paramref name="timeout"/> for edges and applies them.</summary>
    /// <returns>How many edge events were applied.</returns>
    public int Pump(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Any edge stamped before this moment is already in the kernel's buffer; if the wait sees none, the line
        // held its level at least until then, which is what lets a held change be accepted without a next edge.
        var before = _line.ClockNow();
        var count = _line.WaitForEdges(_events, timeout, cancellationToken);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _tracker.OnEdge(_events[i]);
            }

            if (count == 0)
            {
                _tracker.Observe(before);
            }
        }

        return count;
    }

    /// <summary>Pumps until <paramref name="cancellationToken"/> is cancelled; blocks, so give it its own thread.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Pump(PumpTimeout, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The counts as of now on the line's event clock.</summary>
    public PulseCounterReading Read()
    {
        var now = _line.ClockNow();
        lock (_lock)
        {
            return _tracker.Read(now);
        }
    }
}
