using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests;

public class HeartbeatTests
{
    private static readonly GzTopic Topic = GzTopic.Create("tianhe-01", "cam-01", MessageKind.Heartbeat);

    private static readonly Heartbeat Valid = new()
    {
        V = 1,
        Site = "tianhe-01",
        Device = "cam-01",
        Time = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        UptimeSeconds = 3600,
        LastSeq = 360,
        OutboxDepth = 2,
        OutboxEvicted = 0,
        Health = new DeviceHealth
        {
            CpuProcessPercent = 137.5,
            CpuSystemPercent = 41.2,
            CpuCores = 4,
            MemoryRssBytes = 180_000_000,
            MemoryAvailableBytes = 2_000_000_000,
            MemoryTotalBytes = 8_000_000_000,
            DiskFreeBytes = 20_000_000_000,
            DiskTotalBytes = 64_000_000_000,
            Temperatures = new Dictionary<string, double> { ["cpu"] = 51.3, ["gpu"] = 48.0 },
            InferencesPerSecond = 19.8,
            Camera = new CameraHealth { State = "streaming", FramesPerSecond = 29.9, FramesDropped = 3 },
        },
    };

    [Fact]
    public void A_heartbeat_with_health_reads_back_equal()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Valid, GzJsonContext.Default.Heartbeat);

        Assert.Contains("\"temperatures\":{\"cpu\":51.3,\"gpu\":48}", Encoding.UTF8.GetString(json));
        Assert.True(MessageReader.TryRead(json, GzJsonContext.Default.Heartbeat, Topic, out var read, out var errors), ContractError.Join(errors));
        Assert.Equal(Valid.Health!.Temperatures, read.Health!.Temperatures);
        Assert.Equal(Valid.Health with { Temperatures = null }, read.Health with { Temperatures = null });
    }

    [Fact]
    public void A_heartbeat_without_health_or_with_readings_left_out_is_valid()
    {
        Assert.Empty(HeartbeatValidator.Validate(Valid with { Health = null }));
        Assert.Empty(HeartbeatValidator.Validate(Valid with { Health = new DeviceHealth { CpuSystemPercent = 3 } }));
        var json = "{\"v\":1,\"site\":\"tianhe-01\",\"device\":\"cam-01\",\"time\":\"2026-11-22T08:00:00Z\",\"uptimeSeconds\":1,\"lastSeq\":0,\"health\":{}}"u8.ToArray();
        Assert.True(MessageReader.TryRead(json, GzJsonContext.Default.Heartbeat, Topic, out _, out var errors), ContractError.Join(errors));
    }

    [Fact]
    public void Each_reading_out_of_range_is_named()
    {
        var bad = Valid with
        {
            UptimeSeconds = -1,
            Health = Valid.Health! with
            {
                CpuSystemPercent = 100.5,
                CpuProcessPercent = 401,
                MemoryAvailableBytes = 9_000_000_000,
                DiskFreeBytes = -5,
                Temperatures = new Dictionary<string, double> { ["cpu"] = 451, ["bad name"] = 40 },
                InferencesPerSecond = -1,
                Camera = new CameraHealth { State = "On Fire", FramesDropped = -1 },
            },
        };

        var errors = HeartbeatValidator.Validate(bad).Select(e => e.ToString()).ToList();

        Assert.Equal(
        [
            "uptimeSeconds = '-1': must be 0 or more",
            "health.cpuSystemPercent = '100.5': must be within 0..100",
            "health.cpuProcessPercent = '401': must be within 0..400",
            "health.memoryAvailableBytes = '9000000000': exceeds health.memoryTotalBytes (8000000000)",
            "health.diskFreeBytes = '-5': must be 0 or more",
            "health.inferencesPerSecond = '-1': must be within 0..1000000",
            "health.temperatures.cpu = '451': must be within -100..200",
            "health.temperatures = 'bad name': a name must be 1–64 of A-Z, a-z, 0-9, '-', '_' and '.'",
            "health.camera.state = 'On Fire': must be 1–32 of a-z and '-'",
            "health.camera.framesDropped = '-1': must be 0 or more",
        ], errors);
    }

    [Fact]
    public void An_unknown_health_field_is_refused()
    {
        var json = "{\"v\":1,\"site\":\"tianhe-01\",\"device\":\"cam-01\",\"time\":\"2026-11-22T08:00:00Z\",\"uptimeSeconds\":1,\"lastSeq\":0,\"health\":{\"gpuPercent\":3}}"u8.ToArray();

        Assert.False(MessageReader.TryRead(json, GzJsonContext.Default.Heartbeat, Topic, out _, out var errors));
        Assert.Contains("gpuPercent", ContractError.Join(errors), StringComparison.Ordinal);
    }
}
