using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GzAiEdge.Devices.Gpio.Interop;

// The structs of <linux/gpio.h> (GPIO character device uAPI v2, Linux 5.10+), field for field. Every offset is
// explicit because the header pads by hand for 32/64-bit compatibility (__aligned_u64, padding[]): the layout
// is the same on arm and arm64, and the kernel rejects non-zero padding with EINVAL. The marshalling tests
// compare each size and offset with what gcc reads from the installed header.

/// <summary><c>struct gpiochip_info</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 68)]
internal unsafe struct GpiochipInfo
{
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];
    [FieldOffset(32)] public fixed byte Label[GpioUapi.MaxNameSize];
    [FieldOffset(64)] public uint Lines;
}

/// <summary><c>struct gpio_v2_line_values</c>: bit i is line i of the request.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineValues
{
    [FieldOffset(0)] public ulong Bits;
    [FieldOffset(8)] public ulong Mask;
}

/// <summary><c>struct gpio_v2_line_attribute</c>; the union member in use is named by <see cref="Id"/>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineAttribute
{
    [FieldOffset(0)] public uint Id;
    [FieldOffset(4)] public uint Padding;
    [FieldOffset(8)] public ulong Flags;
    [FieldOffset(8)] public ulong Values;
    [FieldOffset(8)] public uint DebouncePeriodMicroseconds;
}

/// <summary><c>struct gpio_v2_line_config_attribute</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct GpioV2LineConfigAttribute
{
    [FieldOffset(0)] public GpioV2LineAttribute Attribute;
    [FieldOffset(16)] public ulong Mask;
}

[InlineArray(GpioUapi.LineNumAttrsMax)]
internal struct GpioV2LineConfigAttributes
{
    private GpioV2LineConfigAttribute _first;
}

[InlineArray(GpioUapi.LineNumAttrsMax)]
internal struct GpioV2LineAttributes
{
    private GpioV2LineAttribute _first;
}

/// <summary><c>struct gpio_v2_line_config</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 272)]
internal unsafe struct GpioV2LineConfig
{
    [FieldOffset(0)] public ulong Flags;
    [FieldOffset(8)] public uint NumAttrs;
    [FieldOffset(12)] public fixed uint Padding[5];
    [FieldOffset(32)] public GpioV2LineConfigAttributes Attrs;
}

/// <summary><c>struct gpio_v2_line_request</c>: the argument of <c>GPIO_V2_GET_LINE_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 592)]
internal unsafe struct GpioV2LineRequest
{
    [FieldOffset(0)] public fixed uint Offsets[GpioUapi.LinesMax];
    [FieldOffset(256)] public fixed byte Consumer[GpioUapi.MaxNameSize];
    [FieldOffset(288)] public GpioV2LineConfig Config;
    [FieldOffset(560)] public uint NumLines;
    [FieldOffset(564)] public uint EventBufferSize;
    [FieldOffset(568)] public fixed uint Padding[5];
    [FieldOffset(588)] public int Fd;
}

/// <summary><c>struct gpio_v2_line_info</c>: the argument of <c>GPIO_V2_GET_LINEINFO_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal unsafe struct GpioV2LineInfo
{
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];
    [FieldOffset(32)] public fixed byte Consumer[GpioUapi.MaxNameSize];
    [FieldOffset(64)] public uint Offset;
    [FieldOffset(68)] public uint NumAttrs;
    [FieldOffset(72)] public ulong Flags;
    [FieldOffset(80)] public GpioV2LineAttributes Attrs;
    [FieldOffset(240)] public fixed uint Padding[4];
}

/// <summary><c>struct gpio_v2_line_event</c>: what read(2) on a line request returns, one after another.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal unsafe struct GpioV2LineEvent
{
    [FieldOffset(0)] public ulong TimestampNs;
    [FieldOffset(8)] public uint Id;
    [FieldOffset(12)] public uint Offset;
    [FieldOffset(16)] public uint Seqno;
    [FieldOffset(20)] public uint LineSeqno;
    [FieldOffset(24)] public fixed uint Padding[6];
}
