using System.Runtime.InteropServices;
using GzAiEdge.Devices.Gpio.Interop;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio;

/// <summary>
/// Reads <c>struct gpio_v2_line_event</c> records from a line request's descriptor.
/// </summary>
/// <remarks>
/// The wait is poll(2) on the request and a <see cref="Wakeup"/> rather than a blocking read(2) on a dedicated
/// thread: a thread blocked in read cannot be interrupted (closing the descriptor does not wake it), so a quiet
/// loop detector would hold shutdown until the next vehicle; poll also gives the timeout that the pulse counter's
/// stuck-line diagnosis needs. One read(2) returns every waiting event that fits (gpiolib-cdev.c, linereq_read),
/// into a buffer pinned once, so steady-state reading allocates nothing.
/// </remarks>
internal sealed unsafe class GpioEventReader : IDisposable
{
    private readonly FileDescriptor _fd;
    private readonly DeviceCall _call;
    private readonly Wakeup _wakeup = new();
    private readonly byte[] _buffer;
    private int _disposed;

    public GpioEventReader(FileDescriptor fd, DeviceCall call, int capacity)
    {
        _fd = fd;
        _call = call;
        _buffer = GC.AllocateUninitializedArray<byte>(capacity * sizeof(GpioV2LineEvent), pinned: true);
    }

    public int Wait(Span<GpioEdgeEvent> events, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using (cancellationToken.UnsafeRegister(static state => ((Wakeup)state!).Signal(), _wakeup))
        {
            switch (Poller.Wait(_fd, _wakeup, Milliseconds(timeout), out var errno))
            {
                case PollResult.TimedOut:
                    return 0;
                case PollResult.Failed:
                    throw DeviceErrors.Create(errno, _call with { Operation = DeviceCall.Poll });
                case PollResult.Woken:
                    ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
                    _wakeup.Clear();
                    cancellationToken.ThrowIfCancellationRequested();
                    return 0;
            }
        }

        return ReadWaiting(events);
    }

    /// <summary>Wakes a waiting thread, which then throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _wakeup.Signal();
        _wakeup.Dispose();
    }

    private int ReadWaiting(Span<GpioEdgeEvent> events)
    {
        var size = sizeof(GpioV2LineEvent);
        var count = Math.Min(events.Length, _buffer.Length / size);
        int errno, bytes;
        fixed (byte* buffer = _buffer)
        {
            errno = _fd.Read(buffer, count * size, out bytes);
        }

        if (errno != 0)
        {
            throw DeviceErrors.Create(errno, _call with { Operation = DeviceCall.Read });
        }

        if (bytes == 0 || bytes % size != 0)
        {
            throw Malformed(bytes == 0
                ? "end of file: the line request was closed"
                : $"read returned {bytes} bytes, not a whole number of {size}-byte struct gpio_v2_line_event");
        }

        var read = bytes / size;
        for (var i = 0; i < read; i++)
        {
            var raw = MemoryMarshal.Read<GpioV2LineEvent>(_buffer.AsSpan(i * size, size));
            var edge = raw.Id switch
            {
                GpioUapi.EventRisingEdge => GpioEdge.Rising,
                GpioUapi.EventFallingEdge => GpioEdge.Falling,
                _ => throw Malformed($"event {raw.LineSeqno} has id {raw.Id}, not 1 (rising) or 2 (falling)"),
            };
            events[i] = new GpioEdgeEvent((long)raw.TimestampNs, edge, (int)raw.Offset, raw.Seqno, raw.LineSeqno);
        }

        return read;
    }

    private GpioException Malformed(string what) => new(_call.Path, _call.Line, $"{DeviceCall.Read}: {what}");

    private static int Milliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
}
