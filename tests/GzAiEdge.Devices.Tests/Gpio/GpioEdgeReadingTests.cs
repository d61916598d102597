using System.Diagnostics;
using System.IO.Pipes;
using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.Native;
using KernelHeaders = GzAiEdge.Devices.Tests.Native.KernelHeaders;

namespace GzAiEdge.Devices.Tests.Gpio;

/// <summary>
/// A line request's read path (poll, read, parse) on a pipe that carries bytes laid out as gcc lays out
/// struct gpio_v2_line_event: everything a real request does after GPIO_V2_GET_LINE_IOCTL returned its fd.
/// </summary>
public sealed class GpioEdgeReadingTests : IDisposable
{
    private readonly AnonymousPipeServerStream _writer = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _reader;
    private readonly GpioInputLine _line;

    public GpioEdgeReadingTests()
    {
        _reader = new AnonymousPipeClientStream(PipeDirection.In, _writer.ClientSafePipeHandle);
        var fd = FileDescriptor.Borrow((int)_reader.SafePipeHandle.DangerousGetHandle());
        _line = new GpioInputLine(fd, "/dev/gpiochip0", 17, new GpioInputOptions { Edges = GpioEdges.Both, EventBufferSize = 64 });
    }

    [Fact]
    public void Events_are_read_with_the_kernel_timestamp_edge_and_sequence_numbers()
    {
        _writer.Write(Event(1_000_000, rising: true, seqno: 6, lineSeqno: 4));
        _writer.Write(KernelHeaders.Bytes("falling_event"));
        var events = new GpioEdgeEvent[8];

        var read = _line.WaitForEdges(events, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(2, read);
        Assert.Equal(new GpioEdgeEvent(1_000_000, GpioEdge.Rising, 17, 6, 4), events[0]);
        Assert.Equal(new GpioEdgeEvent(1_234_567_890_123, GpioEdge.Falling, 17, 7, 5), events[1]);
    }

    [Fact]
    public void A_read_takes_no_more_events_than_the_caller_has_room_for()
    {
        for (uint i = 1; i <= 3; i++)
        {
            _writer.Write(Event(i * 1000, rising: i % 2 == 1, seqno: i, lineSeqno: i));
        }

        var events = new GpioEdgeEvent[2];

        Assert.Equal(2, _line.WaitForEdges(events, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal(1, _line.WaitForEdges(events, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal(3u, events[0].LineSequence);
    }

    [Fact]
    public void Quiet_line_returns_no_events_when_the_timeout_passes()
    {
        Assert.Equal(0, _line.WaitForEdges(new GpioEdgeEvent[4], TimeSpan.FromMilliseconds(20), CancellationToken.None));
    }

    [Fact]
    public async Task Cancellation_wakes_a_thread_waiting_on_a_quiet_line()
    {
        using var cancel = new CancellationTokenSource();
        var wait = Task.Run(() => _line.WaitForEdges(new GpioEdgeEvent[4], Timeout.InfiniteTimeSpan, cancel.Token));
        await Task.Delay(50);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Dispose_wakes_a_thread_waiting_on_a_quiet_line()
    {
        var wait = Task.Run(() => _line.WaitForEdges(new GpioEdgeEvent[4], Timeout.InfiniteTimeSpan, CancellationToken.None));
        await Task.Delay(50);

        _line.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Line_can_wait_again_after_a_cancelled_wait()
    {
        using (var cancel = new CancellationTokenSource())
        {
            cancel.CancelAfter(20);
            Assert.ThrowsAny<OperationCanceledException>(() => _line.WaitForEdges(new GpioEdgeEvent[1], Timeout.InfiniteTimeSpan, cancel.Token));
        }

        _writer.Write(Event(5, rising: true, seqno: 1, lineSeqno: 1));

        Assert.Equal(1, _line.WaitForEdges(new GpioEdgeEvent[1], TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public void Partial_event_is_reported_not_misread()
    {
        _writer.Write(Event(1, rising: true, seqno: 1, lineSeqno: 1).AsSpan(0, 20));

        var e = Assert.Throws<GpioException>(() => _line.WaitForEdges(new GpioEdgeEvent[4], TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Equal("/dev/gpiochip0 line 17: read: read returned 20 bytes, not a whole number of 48-byte struct gpio_v2_line_event", e.Message);
    }

    [Fact]
    public void Unknown_event_id_is_reported()
    {
        var bytes = Event(1, rising: true, seqno: 9, lineSeqno: 9);
        bytes[8] = 7;
        _writer.Write(bytes);

        var e = Assert.Throws<GpioException>(() => _line.WaitForEdges(new GpioEdgeEvent[4], TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Equal("/dev/gpiochip0 line 17: read: event 9 has id 7, not 1 (rising) or 2 (falling)", e.Message);
    }

    [Fact]
    public void Closed_request_is_reported_as_end_of_file()
    {
        _writer.Dispose();

        var e = Assert.Throws<GpioException>(() => _line.WaitForEdges(new GpioEdgeEvent[4], TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.EndsWith("end of file: the line request was closed", e.Message);
    }

    [Fact]
    public void Reading_the_value_goes_to_the_get_values_ioctl()
    {
        // A pipe is no line request, so the real ioctl fails: the message names the ioctl and the line.
        var e = Assert.Throws<GpioException>(() => _line.Read());

        Assert.StartsWith("/dev/gpiochip0 line 17: GPIO_V2_LINE_GET_VALUES_IOCTL: ", e.Message);
        Assert.EndsWith("(ENOTTY)", e.Message);
    }

    [Fact]
    public void Steady_state_reading_allocates_nothing()
    {
        for (uint i = 1; i <= 200; i++)
        {
            _writer.Write(Event(i, rising: i % 2 == 1, seqno: i, lineSeqno: i));
        }

        var events = new GpioEdgeEvent[1];
        using var cancel = new CancellationTokenSource();
        _line.WaitForEdges(events, TimeSpan.FromSeconds(10), cancel.Token);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 199; i++)
        {
            _line.WaitForEdges(events, TimeSpan.FromSeconds(10), cancel.Token);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(200u, events[0].LineSequence);
    }

    [Fact]
    public void Line_requested_without_edges_has_no_events_to_wait_for()
    {
        using var line = new GpioInputLine(FileDescriptor.Borrow(0), "/dev/gpiochip0", 4, new GpioInputOptions());

        var e = Assert.Throws<InvalidOperationException>(() => line.WaitForEdges(new GpioEdgeEvent[1], TimeSpan.Zero, CancellationToken.None));

        Assert.Equal("/dev/gpiochip0 line 4 was requested without edge detection (GpioInputOptions.Edges)", e.Message);
    }

    [Fact]
    public void Clock_now_reads_the_clock_the_events_are_stamped_with()
    {
        // .NET's Stopwatch reads CLOCK_MONOTONIC on Linux; wall time is CLOCK_REALTIME.
        using var realtime = new GpioInputLine(FileDescriptor.Borrow(0), "/dev/gpiochip0", 5, new GpioInputOptions { Edges = GpioEdges.Both, EventClock = GpioEventClock.Realtime });
        var monotonic = (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        var wall = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

        Assert.Equal(GpioEventClock.Monotonic, _line.Clock);
        Assert.InRange(_line.ClockNow() - monotonic, 0, 1_000_000_000);
        Assert.InRange(realtime.ClockNow() - wall, 0, 1_000_000_000);
    }

    public void Dispose()
    {
        _line.Dispose();
        _reader.Dispose();
        _writer.Dispose();
    }

    private static byte[] Event(ulong timestamp, bool rising, uint seqno, uint lineSeqno)
    {
        var bytes = new byte[48];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), timestamp);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), rising ? 1u : 2u);
        BitConverter.TryWriteBytes(bytes.AsSpan(12), 17u);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), seqno);
        BitConverter.TryWriteBytes(bytes.AsSpan(20), lineSeqno);
        return bytes;
    }
}
