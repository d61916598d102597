namespace GzAiEdge.Devices.Native;

/// <summary>The kernel clocks GPIO edge events are stamped with (gpio.h: CLOCK_MONOTONIC, or CLOCK_REALTIME).</summary>
internal static unsafe class Clock
{
    public static long NowNanoseconds(int clock)
    {
        LibC.TimeSpec time;
        if (LibC.ClockGetTime(clock, &time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime({clock}) failed: errno {DeviceErrors.Last}");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }
}
