namespace GzAiEdge.Devices.Native;

/// <summary>
/// An eventfd that <see cref="Poller"/> waits on beside a device, so that cancellation or dispose wakes a thread
/// waiting for edges at once. Closing a descriptor does not wake a thread blocked on it in Linux, so without this
/// a quiet line would hold shutdown until its next edge.
/// </summary>
internal sealed unsafe class Wakeup : IDisposable
{
    public Wakeup()
    {
        var fd = LibC.EventFd(0, LibC.EfdCloExec | LibC.ONonBlock);
        Descriptor = fd >= 0 ? FileDescriptor.Own(fd)
            : throw new IOException($"eventfd failed: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(DeviceErrors.Last)}");
    }

    public FileDescriptor Descriptor { get; }

    /// <summary>Makes the eventfd readable until <see cref="Clear"/>; eventfd(2) takes an 8-byte counter.</summary>
    public void Signal()
    {
        ulong one = 1;
        _ = Descriptor.Write(&one, sizeof(ulong));
    }

    /// <summary>Resets the counter; EAGAIN (already zero) is fine, the descriptor is non-blocking.</summary>
    public void Clear()
    {
        ulong value;
        _ = Descriptor.Read(&value, sizeof(ulong), out _);
    }

    public void Dispose() => Descriptor.Dispose();
}
