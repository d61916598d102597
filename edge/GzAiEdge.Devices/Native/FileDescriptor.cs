using System.Runtime.InteropServices;

namespace GzAiEdge.Devices.Native;

/// <summary>
/// Owns one file descriptor (a device node, a GPIO line request, an eventfd) and closes it once, also when its
/// owner forgets to dispose. Calls hold a reference on the handle for their duration, so a concurrent
/// <see cref="SafeHandle.Dispose()"/> closes the descriptor only after the call returned and the number cannot be
/// reused under a running syscall.
/// </summary>
/// <remarks>Methods return 0 or the errno, so that the caller, who knows the device, builds the message.</remarks>
internal sealed unsafe class FileDescriptor : SafeHandle
{
    private FileDescriptor(int fd, bool ownsHandle)
        : base(-1, ownsHandle) => SetHandle(fd);

    public override bool IsInvalid => handle < 0;

    /// <summary>Opens a device node; failures throw the device's exception (<see cref="DeviceErrors"/>).</summary>
    public static FileDescriptor Open(string path, int flags, DeviceCall device)
    {
        var fd = LibC.Open(path, flags | LibC.OCloExec);
        return fd >= 0 ? new FileDescriptor(fd, ownsHandle: true)
            : throw DeviceErrors.Create(DeviceErrors.Last, device with { Operation = DeviceCall.Open });
    }

    /// <summary>Takes ownership of a descriptor the kernel handed out (a line request's fd, an eventfd).</summary>
    public static FileDescriptor Own(int fd) => new(fd, ownsHandle: true);

    /// <summary>Uses a descriptor someone else owns and closes (a pipe end, in tests).</summary>
    public static FileDescriptor Borrow(int fd) => new(fd, ownsHandle: false);

    public int Ioctl(in IoctlRequest request, void* argument)
    {
        using var lease = Lease();
        return LibC.Ioctl((int)handle, request.Number, argument) < 0 ? DeviceErrors.Last : 0;
    }

    public int Ioctl(in IoctlRequest request, nuint argument)
    {
        using var lease = Lease();
        return LibC.Ioctl((int)handle, request.Number, argument) < 0 ? DeviceErrors.Last : 0;
    }

    /// <summary>read(2), retried when a signal interrupts it (the runtime uses signals to suspend threads).</summary>
    public int Read(void* buffer, int count, out int bytes)
    {
        using var lease = Lease();
        nint n;
        while ((n = LibC.Read((int)handle, buffer, (nuint)count)) < 0)
        {
            var errno = DeviceErrors.Last;
            if (errno != Errno.EINTR)
            {
                bytes = 0;
                return errno;
            }
        }

        bytes = (int)n;
        return 0;
    }

    public int Write(void* buffer, int count)
    {
        using var lease = Lease();
        return LibC.Write((int)handle, buffer, (nuint)count) < 0 ? DeviceErrors.Last : 0;
    }

    /// <summary>
    /// Holds a reference for the length of a call that uses the raw number (<see cref="Number"/>); throws
    /// <see cref="ObjectDisposedException"/> once the descriptor is closed.
    /// </summary>
    public Reference Lease() => new(this);

    /// <summary>The raw number for a <c>pollfd</c>; valid only while the caller holds a reference.</summary>
    public int Number => (int)handle;

    protected override bool ReleaseHandle() => LibC.Close((int)handle) == 0;

    /// <summary>A reference taken with <see cref="SafeHandle.DangerousAddRef"/>, given back on dispose.</summary>
    public readonly ref struct Reference
    {
        private readonly SafeHandle _handle;

        public Reference(SafeHandle handle)
        {
            var added = false;
            handle.DangerousAddRef(ref added);
            _handle = handle;
        }

        public void Dispose() => _handle.DangerousRelease();
    }
}
