using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio;

/// <summary>An output line.</summary>
public sealed class GpioOutputLine : GpioLineRequest, IGpioOutput
{
    internal GpioOutputLine(FileDescriptor fd, string chip, int offset, GpioOutputOptions options)
        : base(fd, chip, offset) => Options = options;

    public GpioOutputOptions Options { get; }

    /// <summary>Sets the logical value (GPIO_V2_LINE_SET_VALUES_IOCTL).</summary>
    public void Write(bool active) => SetValue(active);
}
