using System.Runtime.InteropServices;

namespace GzAiEdge.Devices.Native;

/// <summary>
/// The few libc calls the GPIO character device and i2c-dev need. Every import sets errno for
/// <see cref="Marshal.GetLastPInvokeError"/>; callers go through <see cref="FileDescriptor"/>, which turns failures
/// into exceptions with <see cref="DeviceErrors"/>.
/// </summary>
/// <remarks>
/// Flag values are the asm-generic ones used by x86-64, arm64 and arm (the boards GzAiEdge runs on); the
/// marshalling tests compare them with the real headers.
/// </remarks>
internal static unsafe partial class LibC
{
    public const int ORdOnly = 0;
    public const int ORdWr = 2;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;
    public const int EfdCloExec = OCloExec;
    public const short PollIn = 0x1;
    public const int ClockRealtime = 0;
    public const int ClockMonotonic = 1;

    private const string Library = "libc";

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    // ioctl(2) is variadic in C; on the x86-64 and AArch64 Linux ABIs a third pointer- or long-sized argument is
    // passed exactly like a fixed one, which is what every binding of it relies on.
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nuint argument);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initialValue, int flags);

    [LibraryImport(Library, EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGetTime(int clock, TimeSpec* time);

    /// <summary><c>struct pollfd</c> of &lt;poll.h&gt;.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary><c>struct timespec</c>: <c>time_t</c> and <c>long</c> are both the native word on these ABIs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }
}
