using GzAiEdge.Devices.Gpio.Interop;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio;

/// <summary>
/// One granted line: the anonymous file the kernel returned from <c>GPIO_V2_GET_LINE_IOCTL</c>. The line stays
/// requested (and an output keeps its value) until this is disposed; the chip may be closed before.
/// </summary>
public abstract unsafe class GpioLineRequest : IDisposable
{
    private protected GpioLineRequest(FileDescriptor fd, string chip, int offset)
    {
        Descriptor = fd;
        Chip = chip;
        Offset = offset;
        Call = new DeviceCall(DeviceKind.GpioLine, chip, string.Empty) { Line = offset };
    }

    /// <summary>The chip's device node.</summary>
    public string Chip { get; }

    /// <summary>The line's offset on the chip.</summary>
    public int Offset { get; }

    /// <summary>The line for messages: <c>/dev/gpiochip0 line 17</c>.</summary>
    public string Name => $"{Chip} line {Offset}";

    private protected FileDescriptor Descriptor { get; }

    private protected DeviceCall Call { get; }

    /// <summary>The logical value (GPIO_V2_LINE_GET_VALUES_IOCTL); the kernel reads outputs as well as inputs.</summary>
    public bool Read()
    {
        var values = new GpioV2LineValues { Mask = 1 };
        Check(Descriptor.Ioctl(GpioUapi.GetValues, &values), GpioUapi.GetValues);
        return (values.Bits & 1) != 0;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    private protected void SetValue(bool active)
    {
        var values = new GpioV2LineValues { Bits = active ? 1UL : 0UL, Mask = 1 };
        Check(Descriptor.Ioctl(GpioUapi.SetValues, &values), GpioUapi.SetValues);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Descriptor.Dispose();
        }
    }

    private void Check(int errno, in IoctlRequest request)
    {
        if (errno != 0)
        {
            throw DeviceErrors.Create(errno, Call with { Operation = request.Name });
        }
    }
}
