using GzAiEdge.Devices.Gpio.Interop;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio;

/// <summary>
/// A GPIO chip through the Linux GPIO character device, uAPI v2 (<c>/dev/gpiochipN</c>, &lt;linux/gpio.h&gt;,
/// Linux 5.10+). Lines are requested one per request, each with its own descriptor, so that drivers own their lines
/// independently.
/// </summary>
public sealed unsafe class GpioChip : IDisposable
{
    /// <summary>The consumer label the kernel shows for lines GzAiEdge holds (gpioinfo, /sys/kernel/debug/gpio).</summary>
    public const string DefaultConsumer = "gzaiedge";

    private readonly FileDescriptor _fd;
    private readonly DeviceCall _call;

    private GpioChip(FileDescriptor fd, string path, GpioChipInfo info)
    {
        _fd = fd;
        Path = path;
        Info = info;
        _call = new DeviceCall(DeviceKind.GpioChip, path, string.Empty);
    }

    public string Path { get; }

    public GpioChipInfo Info { get; }

    /// <summary>Opens <c>/dev/gpiochip<paramref name="number"/></c>.</summary>
    public static GpioChip Open(int number) => Open($"/dev/gpiochip{number}");

    /// <summary>Opens a chip and reads its info; fails on anything that is not a GPIO chip.</summary>
    public static GpioChip Open(string path)
    {
        var call = new DeviceCall(DeviceKind.GpioChip, path, string.Empty);
        var fd = FileDescriptor.Open(path, LibC.ORdWr, call);
        try
        {
            GpiochipInfo raw;
            var errno = fd.Ioctl(GpioUapi.GetChipInfo, &raw);
            if (errno != 0)
            {
                throw DeviceErrors.Create(errno, call with { Operation = GpioUapi.GetChipInfo.Name });
            }

            var info = new GpioChipInfo(CString.Read(raw.Name, GpioUapi.MaxNameSize), CString.Read(raw.Label, GpioUapi.MaxNameSize), (int)raw.Lines);
            return new GpioChip(fd, path, info);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    public GpioLineInfo GetLineInfo(int offset)
    {
        CheckOffset(offset);
        var raw = new GpioV2LineInfo { Offset = (uint)offset };
        var errno = _fd.Ioctl(GpioUapi.GetLineInfo, &raw);
        if (errno != 0)
        {
            throw DeviceErrors.Create(errno, _call with { Operation = GpioUapi.GetLineInfo.Name, Line = offset });
        }

        return GpioLineInfoReader.Read(&raw);
    }

    /// <summary>The offset of the line the board names <paramref name="name"/> (such as <c>GPIO17</c>), or null.</summary>
    public int? FindLine(string name)
    {
        for (var offset = 0; offset < Info.Lines; offset++)
        {
            if (GetLineInfo(offset).Name == name)
            {
                return offset;
            }
        }

        return null;
    }

    public GpioInputLine RequestInput(int offset, GpioInputOptions options, string consumer = DefaultConsumer)
    {
        var request = GpioLineConfig.Input(offset, consumer, options);
        return new GpioInputLine(Request(offset, ref request), Path, offset, options);
    }

    public GpioOutputLine RequestOutput(int offset, GpioOutputOptions options, string consumer = DefaultConsumer)
    {
        var request = GpioLineConfig.Output(offset, consumer, options);
        return new GpioOutputLine(Request(offset, ref request), Path, offset, options);
    }

    public void Dispose() => _fd.Dispose();

    private FileDescriptor Request(int offset, ref GpioV2LineRequest request)
    {
        CheckOffset(offset);
        int errno;
        fixed (GpioV2LineRequest* argument = &request)
        {
            errno = _fd.Ioctl(GpioUapi.GetLine, argument);
        }

        if (errno == 0)
        {
            return FileDescriptor.Own(request.Fd);
        }

        var call = _call with { Operation = GpioUapi.GetLine.Name, Line = offset };
        throw DeviceErrors.Create(errno, errno == Errno.EBUSY ? call with { Consumer = ConsumerOf(offset) } : call);
    }

    private string? ConsumerOf(int offset)
    {
        try
        {
            return GetLineInfo(offset).Consumer;
        }
        catch (GpioException)
        {
            return null;
        }
    }

    private void CheckOffset(int offset)
    {
        if (offset < 0 || offset >= Info.Lines)
        {
            throw new GpioException(Path, offset, $"no such line: {Info.Name} ({Info.Label}) has lines 0 to {Info.Lines - 1}");
        }
    }
}
