namespace GzAiEdge.Devices.Gpio;

/// <summary>The bias of a line. <see cref="AsIs"/> leaves whatever the board or firmware set.</summary>
public enum GpioBias
{
    AsIs,
    Disabled,
    PullUp,
    PullDown,
}

/// <summary>How an output drives its line.</summary>
public enum GpioDrive
{
    PushPull,

    /// <summary>Drives low, floats high: needs a pull-up; lets several outputs share a line.</summary>
    OpenDrain,

    /// <summary>Drives high, floats low.</summary>
    OpenSource,
}

/// <summary>Which edges of an input produce events. Edges are logical: with active-low, rising means becoming active.</summary>
[Flags]
public enum GpioEdges
{
    None = 0,
    Rising = 1,
    Falling = 2,
    Both = Rising | Falling,
}

/// <summary>The clock the kernel stamps edge events with.</summary>
public enum GpioEventClock
{
    /// <summary>CLOCK_MONOTONIC (the kernel's default): right for intervals, never jumps, not wall time.</summary>
    Monotonic,

    /// <summary>CLOCK_REALTIME: wall time, which NTP may step; for events that must line up with other records.</summary>
    Realtime,
}

/// <summary>An input request.</summary>
public sealed record GpioInputOptions
{
    public GpioBias Bias { get; init; }

    /// <summary>Low on the pin reads as active (true), and edges are reported in that sense.</summary>
    public bool ActiveLow { get; init; }

    public GpioEdges Edges { get; init; }

    /// <summary>
    /// Hardware debounce (GPIO_V2_LINE_ATTR_ID_DEBOUNCE), in whole microseconds; zero for none. Where the controller
    /// has no debounce the kernel debounces in software, which needs a line that can raise interrupts.
    /// </summary>
    public TimeSpan Debounce { get; init; }

    public GpioEventClock EventClock { get; init; }

    /// <summary>Events the kernel keeps before it drops the oldest; 0 takes the kernel's default of 16; at most 1024.</summary>
    public int EventBufferSize { get; init; }
}

/// <summary>An output request.</summary>
public sealed record GpioOutputOptions
{
    /// <summary>The logical value the line takes when the request is granted.</summary>
    public bool InitialValue { get; init; }

    /// <summary>Active (true) drives the pin low.</summary>
    public bool ActiveLow { get; init; }

    public GpioDrive Drive { get; init; }

    public GpioBias Bias { get; init; }
}
