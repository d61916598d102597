using GzAiEdge.Devices.Gpio;

namespace GzAiEdge.Testing.Devices.Gpio;

/// <summary>
/// A GPIO input line that plays a scripted waveform as the kernel would report it: one edge event per change of
/// level, stamped with the change's time, numbered by line_seqno from 1, and delivered once the test's clock
/// (<see cref="Now"/>) has passed it. Events marked with <see cref="DropNext"/> get their sequence number but are
/// never delivered, as when the kernel's buffer overflows.
/// </summary>
public sealed class GpioLineEmulator(bool initial) : IGpioEdgeEvents
{
    private readonly bool _initial = initial;
    private readonly List<(GpioEdgeEvent Event, bool Dropped)> _script = [];
    private int _delivered;
    private int _dropNext;
    private bool _level = initial;
    private long _lastChange = long.MinValue;

    public string Name => "emulated gpiochip0 line 17";

    public GpioEventClock Clock => GpioEventClock.Monotonic;

    /// <summary>The emulated clock, in nanoseconds; the test moves it.</summary>
    public long Now { get; set; }

    /// <summary>Sets the level at <paramref name="ms"/> milliseconds; a level the line already has makes no event.</summary>
    public GpioLineEmulator At(double ms, bool level)
    {
        var at = (long)Math.Round(ms * 1e6);
        if (at < _lastChange)
        {
            throw new ArgumentOutOfRangeException(nameof(ms), ms, "a waveform must move forward in time");
        }

        _lastChange = at;
        if (level == _level)
        {
            return this;
        }

        _level = level;
        var sequence = (uint)_script.Count + 1;
        var e = new GpioEdgeEvent(at, level ? GpioEdge.Rising : GpioEdge.Falling, 17, sequence, sequence);
        _script.Add((e, _dropNext > 0));
        _dropNext = Math.Max(0, _dropNext - 1);
        return this;
    }

    /// <summary>An active spell from <paramref name="startMs"/> lasting <paramref name="widthMs"/>.</summary>
    public GpioLineEmulator Pulse(double startMs, double widthMs) => At(startMs, true).At(startMs + widthMs, false);

    /// <summary>The next <paramref name="count"/> edges are lost in the kernel.</summary>
    public GpioLineEmulator DropNext(int count)
    {
        _dropNext = count;
        return this;
    }

    public GpioLineEmulator AdvanceTo(double ms)
    {
        Now = (long)Math.Round(ms * 1e6);
        return this;
    }

    public long ClockNow() => Now;

    public bool Read()
    {
        var level = _initial;
        foreach (var (e, _) in _script)
        {
            if (e.TimestampNs <= Now)
            {
                level = e.Edge == GpioEdge.Rising;
            }
        }

        return level;
    }

    public int WaitForEdges(Span<GpioEdgeEvent> events, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = 0;
        while (count < events.Length && _delivered < _script.Count && _script[_delivered].Event.TimestampNs <= Now)
        {
            var (e, dropped) = _script[_delivered++];
            if (!dropped)
            {
                events[count++] = e;
            }
        }

        // Like poll(2), a wait with nothing to deliver lasts its timeout (or until cancelled).
        if (count == 0 && timeout != TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(timeout);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return count;
    }

    public void Dispose()
    {
    }
}
