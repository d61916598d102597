using GzAiEdge.Devices.Gpio;

namespace GzAiEdge.Devices.Sensors.PulseCounter;

/// <summary>
/// The counter's state machine, fed edge events in time order (nanoseconds of the event clock).
/// </summary>
/// <remarks>
/// Debounce: a change of level is accepted only once the raw level has held it for MinPulseMs (to active) or
/// MinGapMs (to inactive); it is then dated back to when it began, so widths and occupancy are the kernel's
/// timestamps, not the moment it was accepted. A change that reverts earlier is counted as rejected chatter.
/// Each event is taken as the level the line has after it, not as a toggle: with both edges the kernel reads the
/// level in its interrupt thread (gpiolib-cdev.c, edge_irq_thread), so fast chatter can yield two events of the
/// same kind, and a full buffer drops the oldest events. A repeated level is therefore ignored and the count
/// stays right through lost events, except for whole pulses lost inside a drop.
/// </remarks>
internal sealed class PulseTracker
{
    private readonly long _minActive;
    private readonly long _minGap;
    private readonly long _window;
    private readonly long _stuckAfter;
    private readonly long _silentAfter;
    private readonly long _startedAt;
    private readonly Queue<Pulse> _finished = new();
    private bool _stable;
    private bool _raw;
    private bool _pending;
    private bool _currentCounted;
    private long _stableSince;
    private long _pendingAt;
    private long _pulseStart;
    private long _known;
    private long _count;
    private long _rejected;
    private long _lost;
    private long _occupied;
    private long? _lastWidth;
    private uint _lastLineSequence;

    public PulseTracker(PulseCounterOptions options, bool active, long now)
    {
        _minActive = Nanoseconds(options.MinPulseMs / 1e3);
        _minGap = Nanoseconds(options.MinGapMs / 1e3);
        _window = Nanoseconds(options.RateWindowSeconds);
        _stuckAfter = Nanoseconds(options.StuckActiveSeconds);
        _silentAfter = Nanoseconds(options.SilentSeconds);
        _startedAt = _stableSince = _pulseStart = _known = now;
        _stable = _raw = active;
    }

    public void OnEdge(in GpioEdgeEvent edge)
    {
        if (_lastLineSequence != 0 && edge.LineSequence > _lastLineSequence + 1)
        {
            _lost += edge.LineSequence - _lastLineSequence - 1;
        }

        _lastLineSequence = edge.LineSequence;
        var at = Math.Max(edge.TimestampNs, _known);
        Observe(at);
        var level = edge.Edge == GpioEdge.Rising;
        if (level == _raw)
        {
            return;
        }

        _raw = level;
        if (level != _stable)
        {
            _pending = true;
            _pendingAt = at;
        }
        else if (_pending)
        {
            _pending = false;
            _rejected++;
        }
    }

    /// <summary>No edge happened up to <paramref name="until"/>: a change that has held long enough is accepted.</summary>
    public void Observe(long until)
    {
        _known = Math.Max(_known, until);
        if (_pending && _known - _pendingAt >= (_stable ? _minGap : _minActive))
        {
            Accept(_pendingAt);
        }
    }

    public PulseCounterReading Read(long now)
    {
        now = Math.Max(now, _known);
        Forget(now);
        var start = Math.Max(now - _window, _startedAt);
        long pulses = 0, occupied = 0;
        foreach (var pulse in _finished)
        {
            pulses += pulse.Counted && pulse.Start >= start ? 1 : 0;
            occupied += Overlap(pulse.Start, pulse.End, start, now);
        }

        if (_stable)
        {
            pulses += _currentCounted && _pulseStart >= start ? 1 : 0;
            occupied += Overlap(_pulseStart, now, start, now);
        }

        var span = now - start;
        var perSecond = span > 0 ? pulses * 1e9 / span : 0;
        var inState = now - _stableSince;
        var health = _stable && inState >= _stuckAfter ? PulseLineHealth.StuckActive
            : !_stable && inState >= _silentAfter ? PulseLineHealth.Silent
            : PulseLineHealth.Ok;
        return new PulseCounterReading(
            _count,
            pulses,
            Time(span),
            perSecond,
            perSecond * 3600,
            span > 0 ? (double)occupied / span : 0,
            Time(_occupied + (_stable ? now - _pulseStart : 0)),
            _lastWidth is { } width ? Time(width) : null,
            _rejected,
            _lost,
            _stable,
            Time(inState),
            health);
    }

    private void Accept(long at)
    {
        _pending = false;
        _stable = !_stable;
        _stableSince = at;
        if (_stable)
        {
            _count++;
            _pulseStart = at;
            _currentCounted = true;
            return;
        }

        _occupied += at - _pulseStart;
        _lastWidth = _currentCounted ? at - _pulseStart : _lastWidth;
        _finished.Enqueue(new Pulse(_pulseStart, at, _currentCounted));
        Forget(at);
    }

    // Pulses that ended before the window began can no longer count; the queue holds one window's worth.
    private void Forget(long now)
    {
        while (_finished.Count > 0 && _finished.Peek().End < now - _window)
        {
            _finished.Dequeue();
        }
    }

    private static long Overlap(long start, long end, long from, long to) => Math.Max(0, Math.Min(end, to) - Math.Max(start, from));

    private static long Nanoseconds(double seconds) => (long)Math.Round(seconds * 1e9);

    private static TimeSpan Time(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / 100);

    private readonly record struct Pulse(long Start, long End, bool Counted);
}
