using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.Devices.Sensors.PulseCounter;

/// <summary>
/// A loop detector or IR beam for the model-free <c>traffic-loop</c> pipeline: one sample per tick of what happened
/// since the last one, from a <see cref="PulseCounter"/> pumped in the tick (the kernel keeps the edges between
/// ticks, with their timestamps): detections that began, seconds the line was active and seconds observed, both on
/// the line's monotonic event clock, so that sums over a window give its count and an exact occupancy. A change is
/// accepted once it held for the debounce time and dated back to its first edge, so a detection that straddles two
/// ticks lands in the later one. A stuck or silent line, and edges the kernel dropped, are reported as the source's
/// warning while it streams.
/// </summary>
public sealed class PulseCounterSignalSource : SensorSource
{
    public const string Detections = "detections", OccupiedSeconds = "occupied_s", ObservedSeconds = "observed_s";

    // Enough pumps to empty the fullest buffer the kernel can hold between two ticks.
    private const int MaxPumps = (GpioLineConfig.MaxEventBufferSize / PulseCounter.EventsPerPump) + 1;

    private readonly Func<IGpioEdgeEvents> _open;
    private readonly PulseCounterOptions _options;
    private readonly float[] _values = new float[3];
    private IGpioEdgeEvents? _line;
    private PulseCounter? _counter;
    private PulseCounterReading? _last;
    private long _lastClock, _index;

    /// <param name="open">Requests the line anew each time the source (re)opens (<see cref="ISensorPorts.OpenPulseLine"/>).</param>
    public PulseCounterSignalSource(
        Func<IGpioEdgeEvents> open, PulseCounterOptions options, double tickHz, string device, SourceRecovery recovery, ILogger? logger = null)
        : base("pulse-counter", device, new SignalFormat([Detections, OccupiedSeconds, ObservedSeconds], tickHz), recovery, logger)
    {
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException($"pulse counter {device}: {string.Join("; ", errors)}", nameof(options));
        }

        (_open, _options) = (open, options);
    }

    private protected override void OpenDevice()
    {
        var line = _open();
        _counter = new PulseCounter(line, _options);
        _line = line;
        _lastClock = line.ClockNow();
        _last = _counter.Read();
        _index = 0;
    }

    private protected override void Poll(DateTimeOffset now, TimeSpan elapsed)
    {
        var (line, counter, last) = (_line!, _counter!, _last!);
        for (var pumps = 0; pumps < MaxPumps && counter.Pump(TimeSpan.Zero, CancellationToken.None) > 0; pumps++)
        {
        }

        var clock = line.ClockNow();
        var reading = counter.Read();
        _values[0] = reading.Count - last.Count;
        _values[1] = (float)(reading.OccupiedTotal - last.OccupiedTotal).TotalSeconds;
        _values[2] = (float)((clock - _lastClock) / 1e9);
        Emit(_values, new SampleStamp(now, _index++));
        (_last, _lastClock) = (reading, clock);
        Warn(Warning(reading));
    }

    private protected override void CloseDevice()
    {
        _line?.Dispose();
        (_line, _counter, _last) = (null, null, null);
    }

    private string? Warning(PulseCounterReading reading)
    {
        var health = reading.Health switch
        {
            PulseLineHealth.StuckActive => $"{_line!.Name} active for {reading.InStateFor.TotalSeconds:0} s: a parked vehicle, a blocked beam or a shorted cable",
            PulseLineHealth.Silent => $"{_line!.Name}: no detection for {reading.InStateFor.TotalSeconds:0} s: no traffic, or a cut cable or a dead detector",
            _ => null,
        };
        var lost = reading.LostEvents > 0
            ? $"the kernel dropped {reading.LostEvents} edges (its buffer was full), which may have joined detections"
            : null;
        return health is null ? lost : lost is null ? health : $"{health}; {lost}";
    }
}
