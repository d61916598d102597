using static GzAiEdge.Devices.Native.LibC;

namespace GzAiEdge.Devices.Native;

/// <summary>What <see cref="Poller.Wait"/> saw.</summary>
internal enum PollResult
{
    /// <summary>The device has data, or hung up (a read then tells why: end of file, or ENODEV for a GPIO chip that is gone).</summary>
    Ready,

    /// <summary>The <see cref="Wakeup"/> was signalled.</summary>
    Woken,

    TimedOut,

    Failed,
}

/// <summary>poll(2) on a device and a <see cref="Wakeup"/>.</summary>
internal static unsafe class Poller
{
    /// <remarks>
    /// A signal (EINTR) restarts the wait with the full timeout, so the wait can be longer than asked, never shorter
    /// than the device's next event.
    /// </remarks>
    public static PollResult Wait(FileDescriptor device, Wakeup wakeup, int timeoutMilliseconds, out int errno)
    {
        using var deviceReference = device.Lease();
        using var wakeupReference = wakeup.Descriptor.Lease();
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = device.Number, Events = PollIn };
        fds[1] = new PollFd { Fd = wakeup.Descriptor.Number, Events = PollIn };
        int ready;
        errno = 0;
        while ((ready = Poll(fds, 2, timeoutMilliseconds)) < 0)
        {
            errno = DeviceErrors.Last;
            if (errno != Errno.EINTR)
            {
                return PollResult.Failed;
            }
        }

        errno = 0;
        return ready == 0 ? PollResult.TimedOut
            : fds[1].ReturnedEvents != 0 ? PollResult.Woken
            : PollResult.Ready;
    }
}
