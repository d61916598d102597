namespace GzAiEdge.Devices.Gpio;

/// <summary>A line's flags as the kernel reports them: <c>enum gpio_v2_line_flag</c> of &lt;linux/gpio.h&gt;, same bits.</summary>
[Flags]
public enum GpioLineFlags : ulong
{
    None = 0,

    /// <summary>Requested by a consumer (a process or a kernel driver).</summary>
    Used = 1UL << 0,
    ActiveLow = 1UL << 1,
    Input = 1UL << 2,
    Output = 1UL << 3,

    /// <summary>Detects rising (inactive to active) edges.</summary>
    EdgeRising = 1UL << 4,

    /// <summary>Detects falling (active to inactive) edges.</summary>
    EdgeFalling = 1UL << 5,
    OpenDrain = 1UL << 6,
    OpenSource = 1UL << 7,
    BiasPullUp = 1UL << 8,
    BiasPullDown = 1UL << 9,
    BiasDisabled = 1UL << 10,
    EventClockRealtime = 1UL << 11,
    EventClockHte = 1UL << 12,
}
