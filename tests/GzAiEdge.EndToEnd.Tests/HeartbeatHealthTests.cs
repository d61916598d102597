using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>A real worker's heartbeat through Mosquitto into the cloud: its health readings on the wire, in InfluxDB and in the API.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class HeartbeatHealthTests
{
    [Fact]
    public async Task A_model_devices_heartbeat_carries_cpu_memory_disk_and_inference_rate_and_the_cloud_stores_them()
    {
        using var folder = new TempFolder("gz-health");
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var (cloud, api) = await GzProcesses.StartCloudAsync(broker, influx, folder);
        await using var cloudProcess = cloud;
        await using var watcher = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "heartbeat-watcher" });
        await watcher.ConnectAsync(CancellationToken.None);
        await watcher.SubscribeAsync([new MqttSubscription("gz/v1/tianhe-01/cam-01/heartbeat")], CancellationToken.None);
        await using var edge = GzProcesses.StartEdge($"""
            profile: x64-dev
            edge: {"{"} site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow, windowSeconds: 2, heartbeatSeconds: 1, stateDirectory: {folder.File("state")} {"}"}
            broker: {"{"} port: {broker.Port}, allowPlaintext: true {"}"}
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "traffic")}, sampleHz: 20 {"}"}
            pipeline: {"{"} kind: traffic-detection, model: {RepoPaths.Combine("models", "traffic-detector.onnx")} {"}"}
            """, folder);

        // On the wire: the second heartbeat covers a full interval of the running pipeline.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await watcher.Messages.ReadAsync(wait.Token);
        var message = await watcher.Messages.ReadAsync(wait.Token);
        var health = JsonSerializer.Deserialize(message.Payload.Span, GzJsonContext.Default.Heartbeat)!.Health!;
        Assert.Equal(Environment.ProcessorCount, health.CpuCores);
        Assert.InRange(health.CpuProcessPercent!.Value, 0, 100.0 * Environment.ProcessorCount);
        Assert.InRange(health.CpuSystemPercent!.Value, 0, 100);
        Assert.InRange(health.MemoryRssBytes!.Value, 1, health.MemoryTotalBytes!.Value);
        Assert.InRange(health.DiskFreeBytes!.Value, 0, health.DiskTotalBytes!.Value);
        Assert.True(health.InferencesPerSecond > 0, $"inference rate {health.InferencesPerSecond}; worker output:\n{edge.Output}");

        // In InfluxDB, as fields of the heartbeat point.
        InfluxQueryResult rows = null!;
        await EndToEndSupport.WaitForAsync(async () =>
        {
            rows = await EndToEndSupport.QueryAsync(influx, "SELECT \"cpu_process_pct\", \"mem_rss_bytes\", \"disk_free_bytes\", \"disk_total_bytes\", \"inferences_per_s\" FROM \"heartbeat\" WHERE \"device\" = 'cam-01' AND \"inferences_per_s\" > 0");
            return rows.Series.Any();
        }, () => "a heartbeat point with health fields", cloud, edge);
        var series = rows.Series.First();
        Assert.True(series.Value(0, "mem_rss_bytes").GetInt64() > 0);
        Assert.True(series.Value(0, "disk_free_bytes").GetInt64() <= series.Value(0, "disk_total_bytes").GetInt64());

        // In the API the dashboard's device page reads.
        using var http = CloudAccounts.AdminClient(api, folder);
        JsonElement device = default;
        await EndToEndSupport.WaitForAsync(async () =>
        {
            device = await http.GetFromJsonAsync<JsonElement>("/api/v1/devices/tianhe-01/cam-01");
            return device.TryGetProperty("health", out var h) && h.ValueKind == JsonValueKind.Object;
        }, () => $"the device's health in the API; last answer: {device}", cloud, edge);
        Assert.Equal(Environment.ProcessorCount, device.GetProperty("health").GetProperty("cpuCores").GetInt32());
    }
}
