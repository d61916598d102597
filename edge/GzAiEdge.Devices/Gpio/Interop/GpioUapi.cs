using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio.Interop;

/// <summary>Constants and ioctl requests of &lt;linux/gpio.h&gt; (uAPI v2).</summary>
internal static unsafe class GpioUapi
{
    public const int MaxNameSize = 32;
    public const int LinesMax = 64;
    public const int LineNumAttrsMax = 10;

    // enum gpio_v2_line_attr_id
    public const uint AttrIdFlags = 1;
    public const uint AttrIdOutputValues = 2;
    public const uint AttrIdDebounce = 3;

    // enum gpio_v2_line_event_id
    public const uint EventRisingEdge = 1;
    public const uint EventFallingEdge = 2;

    private const uint Type = 0xB4;

    public static readonly IoctlRequest GetChipInfo = new("GPIO_GET_CHIPINFO_IOCTL", Ioctl.IoR(Type, 0x01, sizeof(GpiochipInfo)));
    public static readonly IoctlRequest GetLineInfo = new("GPIO_V2_GET_LINEINFO_IOCTL", Ioctl.IoWR(Type, 0x05, sizeof(GpioV2LineInfo)));
    public static readonly IoctlRequest GetLine = new("GPIO_V2_GET_LINE_IOCTL", Ioctl.IoWR(Type, 0x07, sizeof(GpioV2LineRequest)));
    public static readonly IoctlRequest GetValues = new("GPIO_V2_LINE_GET_VALUES_IOCTL", Ioctl.IoWR(Type, 0x0E, sizeof(GpioV2LineValues)));
    public static readonly IoctlRequest SetValues = new("GPIO_V2_LINE_SET_VALUES_IOCTL", Ioctl.IoWR(Type, 0x0F, sizeof(GpioV2LineValues)));
}
