using System.Globalization;
using System.Text.Json;
using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.FleetSimulation.Devices;

namespace GzAiEdge.FleetSimulation;

/// <summary>One reading of the fleet process: counters, memory (resident and managed) and CPU time so far.</summary>
public sealed record FleetStats(
    double Seconds, int Devices, long Connected, long ConnectRetries, long Reports, long Acknowledged, long Unrouted, long Failed,
    long Checkpoints, long Heartbeats, long RssBytes, long PeakRssBytes, long ManagedHeapBytes, double CpuSeconds)
{
    private static double s_collectingSeconds;

    /// <summary>
    /// Reads the process now. <paramref name="exactHeap"/> collects garbage first, so that the heap is what is
    /// live; the CPU time of those collections is left out of <see cref="CpuSeconds"/>, which is the fleet's own work.
    /// </summary>
    public static FleetStats Read(double seconds, int devices, FleetCounters c, bool exactHeap)
    {
        var before = Environment.CpuUsage.TotalTime.TotalSeconds;
        var heap = GC.GetTotalMemory(forceFullCollection: exactHeap);
        s_collectingSeconds += Environment.CpuUsage.TotalTime.TotalSeconds - before;
        return new(seconds, devices, c.Connected, c.ConnectRetries, c.Reports, c.Acknowledged, c.Unrouted, c.Failed, c.Checkpoints, c.Heartbeats,
            Environment.WorkingSet, PeakRss(), heap, Environment.CpuUsage.TotalTime.TotalSeconds - s_collectingSeconds);
    }

    public string ToJson() => JsonSerializer.Serialize(this, FleetJsonContext.Default.FleetStats);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fleet {Seconds,6:0} s: {Connected}/{Devices} connected; reports {Reports} (acknowledged {Acknowledged}, no subscriber {Unrouted}, failed {Failed}), " +
        $"checkpoints {Checkpoints}, heartbeats {Heartbeats}; RSS {Mb(RssBytes)} MB ({RssBytes / 1024.0 / Devices:0.0} KiB/device), " +
        $"managed heap {Mb(ManagedHeapBytes)} MB ({ManagedHeapBytes / 1024.0 / Devices:0.0} KiB/device); CPU {CpuSeconds:0.0} s");

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    // VmHWM: the most this process has had resident (Linux; 0 elsewhere).
    private static long PeakRss() =>
        ProcFs.Read("/proc/self/status") is { } status ? ProcFs.ParseKilobytes(status, "VmHWM") ?? 0 : 0;
}
