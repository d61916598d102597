using GzAiEdge.Contracts.Messages;
using GzAiEdge.Devices.Sources;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Health;

/// <summary>
/// Takes the health readings of one heartbeat: CPU (process and system, over the time since the previous
/// reading, from <c>/proc</c>), memory, disk of the state directory, temperatures, inference rate and camera.
/// Called from one loop (the heartbeat's).
/// </summary>
public sealed class HealthSampler
{
    private readonly string _stateDirectory;
    private readonly ThermalZones _thermal;
    private readonly PipelineHost _pipeline;
    private readonly TimeProvider _time;
    private SystemCpuTimes? _system;
    private long? _process;
    private long _runs;
    private long _taken;
    private long _framesReceived;

    public HealthSampler(IOptions<EdgeOptions> edge, ThermalZones thermal, PipelineHost pipeline, TimeProvider time)
    {
        _stateDirectory = edge.Value.StateDirectory;
        _thermal = thermal;
        _pipeline = pipeline;
        _time = time;
        (_system, _process) = ReadCpu();
        _runs = ModelRunner.RunsInProcess;
        _taken = time.GetTimestamp();
    }

    /// <summary>The names temperatures are reported under (the thermal zones found).</summary>
    public IEnumerable<string> TemperatureNames => _thermal.Names;

    /// <summary>The readings now; CPU and inference rate cover the time since the previous call (or since start).</summary>
    public DeviceHealth Sample()
    {
        var (system, process) = ReadCpu();
        var runs = ModelRunner.RunsInProcess;
        var seconds = _time.GetElapsedTime(_taken).TotalSeconds;
        var (diskFree, diskTotal) = Disk();
        var source = _pipeline.Current;
        var meminfo = ProcFs.Read("/proc/meminfo");
        var status = ProcFs.Read("/proc/self/status");
        var health = new DeviceHealth
        {
            CpuCores = system?.Cores,
            CpuSystemPercent = SystemPercent(_system, system),
            CpuProcessPercent = ProcessPercent(_system, system, _process, process),
            MemoryRssBytes = status is null ? null : ProcFs.ParseKilobytes(status, "VmRSS"),
            MemoryAvailableBytes = meminfo is null ? null : ProcFs.ParseKilobytes(meminfo, "MemAvailable"),
            MemoryTotalBytes = meminfo is null ? null : ProcFs.ParseKilobytes(meminfo, "MemTotal"),
            DiskFreeBytes = diskFree,
            DiskTotalBytes = diskTotal,
            Temperatures = _thermal.Read(),
            InferencesPerSecond = source.Model is not null && seconds > 0 ? Math.Max(0, runs - _runs) / seconds : null,
            Camera = Camera(source.SourceStats, seconds),
        };
        (_system, _process, _runs, _taken) = (system, process, runs, _time.GetTimestamp());
        return health;
    }

    // A camera's counts are since it was opened; the rate covers the time since the previous heartbeat.
    private CameraHealth? Camera(SourceStats? stats, double seconds)
    {
        if (stats is not { Kind: "camera" })
        {
            return null;
        }

        var received = stats.Received - Math.Min(_framesReceived, stats.Received);
        _framesReceived = stats.Received;
        return new CameraHealth
        {
            State = stats.State.ToString().ToLowerInvariant(),
            FramesPerSecond = seconds > 0 ? received / seconds : null,
            FramesDropped = stats.Dropped,
        };
    }

    /// <summary>Busy share of all cores between two readings, 0–100.</summary>
    public static double? SystemPercent(SystemCpuTimes? before, SystemCpuTimes? after) =>
        before is { } b && after is { } a && a.Total > b.Total
            ? Math.Clamp(100.0 * (a.Busy - b.Busy) / (a.Total - b.Total), 0, 100)
            : null;

    /// <summary>
    /// The process's CPU between two readings in percent of one core. Both files count the same clock ticks, and
    /// the system total advances by cores × ticks per second, so no tick rate is needed.
    /// </summary>
    public static double? ProcessPercent(SystemCpuTimes? before, SystemCpuTimes? after, long? processBefore, long? processAfter) =>
        before is { } b && after is { } a && a.Total > b.Total && processBefore is { } pb && processAfter is { } pa
            ? Math.Clamp(100.0 * (pa - pb) * a.Cores / (a.Total - b.Total), 0, 100.0 * a.Cores)
            : null;

    private static (SystemCpuTimes?, long?) ReadCpu()
    {
        var stat = ProcFs.Read("/proc/stat");
        var self = ProcFs.Read("/proc/self/stat");
        return (stat is null ? null : ProcFs.ParseStat(stat), self is null ? null : ProcFs.ParseProcessStat(self));
    }

    // DriveInfo reads statvfs(3) of the file system holding the folder: free is what an unprivileged writer may use.
    private (long?, long?) Disk()
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(_stateDirectory));
            return (drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, null);
        }
    }
}
