using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Tests.Configuration;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.EdgeRuntime.Tests.Health;

public class HealthSamplerTests
{
    [Fact]
    public void Readings_on_this_machine_are_plausible()
    {
        using var folder = new TempFolder();
        using var services = DeviceConfig.Build(Config(folder, "source: { profile: traffic }"));
        var sampler = services.GetRequiredService<HealthSampler>();
        Burn(TimeSpan.FromMilliseconds(300));

        var health = sampler.Sample();

        Assert.Equal(Environment.ProcessorCount, health.CpuCores);
        Assert.InRange(health.CpuSystemPercent!.Value, 0, 100);
        // This thread spun for most of the interval: well above zero, and never above all cores.
        Assert.InRange(health.CpuProcessPercent!.Value, 10, 100.0 * Environment.ProcessorCount);
        Assert.InRange(health.MemoryRssBytes!.Value, 1, health.MemoryTotalBytes!.Value);
        Assert.InRange(health.MemoryAvailableBytes!.Value, 1, health.MemoryTotalBytes.Value);
        Assert.InRange(health.DiskFreeBytes!.Value, 0, health.DiskTotalBytes!.Value);
        Assert.True(health.DiskTotalBytes > 0);
        Assert.Null(health.InferencesPerSecond);
        Assert.Null(health.Camera);
        if (health.Temperatures is { } temperatures)
        {
            Assert.All(temperatures.Values, c => Assert.InRange(c, -100, 200));
        }
        else
        {
            // No thermal zones on this machine (a VM): absent, not zero.
            Assert.Empty(Directory.Exists("/sys/class/thermal") ? Directory.GetDirectories("/sys/class/thermal", "thermal_zone*") : []);
        }
    }

    [Fact]
    public void The_inference_rate_counts_the_model_runs_since_the_last_reading()
    {
        using var folder = new TempFolder();
        using var services = DeviceConfig.Build(Config(folder, $"""
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "traffic")} {"}"}
            pipeline: {"{"} kind: traffic-detection, model: {RepoPaths.Combine("models", "traffic-detector.onnx")} {"}"}
            """));
        var source = services.GetRequiredService<PipelineHost>().Current;
        var sampler = services.GetRequiredService<HealthSampler>();
        var samples = new List<Sample>();

        // Two seconds of a 5 fps replay: ten frames through the detector.
        source.Tick(DateTimeOffset.UtcNow, 2, samples);

        Assert.True(sampler.Sample().InferencesPerSecond > 0);
        Assert.Equal(10, samples.Count(s => s.Name == "latency_ms"));
    }

    [Fact]
    public void Cpu_shares_come_from_tick_differences()
    {
        var before = new SystemCpuTimes(Busy: 1000, Total: 4000, Cores: 4);
        var after = new SystemCpuTimes(Busy: 1400, Total: 4800, Cores: 4);

        // 800 ticks over 4 cores is 200 ticks per core; the process used 300 of them: 150 % of one core.
        Assert.Equal(50, HealthSampler.SystemPercent(before, after));
        Assert.Equal(150, HealthSampler.ProcessPercent(before, after, 100, 400));
        Assert.Null(HealthSampler.SystemPercent(after, after));
        Assert.Null(HealthSampler.ProcessPercent(before, after, null, 400));
    }

    private static string Config(TempFolder folder, string source)
    {
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"edge: {{ site: s-1, device: d-1, scenario: traffic-tianhe-flow, stateDirectory: {folder.Path} }}\n{source}\n");
        return path;
    }

    private static void Burn(TimeSpan time)
    {
        var until = DateTime.UtcNow + time;
        var x = 0L;
        while (DateTime.UtcNow < until)
        {
            x++;
        }

        GC.KeepAlive(x);
    }
}
