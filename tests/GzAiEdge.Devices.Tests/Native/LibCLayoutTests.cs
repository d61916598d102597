using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Tests.Native;

public sealed unsafe class LibCLayoutTests
{
    [Fact]
    public void Pollfd_and_timespec_match_the_C_library()
    {
        LibC.PollFd poll = default;
        LibC.TimeSpec time = default;

        Assert.Equal(KernelHeaders.SizeOf("pollfd"), sizeof(LibC.PollFd));
        Assert.Equal(KernelHeaders.OffsetOf("pollfd", "fd"), Offset(&poll, &poll.Fd));
        Assert.Equal(KernelHeaders.OffsetOf("pollfd", "events"), Offset(&poll, &poll.Events));
        Assert.Equal(KernelHeaders.OffsetOf("pollfd", "revents"), Offset(&poll, &poll.ReturnedEvents));
        Assert.Equal(KernelHeaders.SizeOf("timespec"), sizeof(LibC.TimeSpec));
        Assert.Equal(KernelHeaders.OffsetOf("timespec", "tv_sec"), Offset(&time, &time.Seconds));
        Assert.Equal(KernelHeaders.OffsetOf("timespec", "tv_nsec"), Offset(&time, &time.Nanoseconds));
    }

    [Theory]
    [InlineData("O_RDONLY", LibC.ORdOnly)]
    [InlineData("O_RDWR", LibC.ORdWr)]
    [InlineData("O_NONBLOCK", LibC.ONonBlock)]
    [InlineData("O_CLOEXEC", LibC.OCloExec)]
    [InlineData("EFD_CLOEXEC", LibC.EfdCloExec)]
    [InlineData("POLLIN", LibC.PollIn)]
    [InlineData("CLOCK_REALTIME", LibC.ClockRealtime)]
    [InlineData("CLOCK_MONOTONIC", LibC.ClockMonotonic)]
    public void Constants_match_the_C_library(string name, int value) =>
        Assert.Equal(KernelHeaders.Value(name), (ulong)value);

    internal static long Offset(void* start, void* field) => (byte*)field - (byte*)start;
}
