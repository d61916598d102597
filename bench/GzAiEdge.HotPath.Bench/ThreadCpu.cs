using System.Runtime.InteropServices;

namespace GzAiEdge.HotPath.Bench;

/// <summary>CPU time of the calling thread (clock_gettime(2), CLOCK_THREAD_CPUTIME_ID): time taken away by other processes does not count.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static long Nanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
