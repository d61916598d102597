using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// The COCO detector a site brings, as an Ultralytics export (static and dynamic axes), checked by <c>gz config
/// validate</c> and run by the real worker against a real Mosquitto: its reports carry the model's own name and
/// version and count cars and persons, named as the export names them.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class UltralyticsExportTests
{
    [Theory]
    [InlineData("traffic-yolov8-coco", null, "1.0.0")]
    [InlineData("traffic-yolov8-coco-dynamic", "2026.1", "2026.1")]
    public async Task An_ultralytics_export_validates_and_runs_in_the_worker_and_its_reports_name_the_model(string model, string? configuredVersion, string version)
    {
        using var folder = new TempFolder("gz-yolo");
        await using var broker = await MosquittoBroker.StartAsync();
        var file = RepoPaths.Combine("models", $"{model}.onnx");
        var config = $"""
            edge: {"{"} site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow, windowSeconds: 2, stateDirectory: {folder.File("state")} {"}"}
            broker: {"{"} port: {broker.Port}, allowPlaintext: true {"}"}
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "traffic")}, sampleHz: 20, speed: 4 {"}"}
            pipeline:
              kind: traffic-detection
              model: {file}
              {(configuredVersion is null ? string.Empty : $"modelVersion: \"{configuredVersion}\"")}
              vehicleClasses: [car, bus, truck, motorcycle]
              pedestrianClasses: [person]
            """;
        await File.WriteAllTextAsync(folder.File("device.yaml"), config);

        var (exitCode, output) = await GzProcesses.RunCliAsync(folder, "config", "validate", folder.File("device.yaml"));
        Assert.True(exitCode == 0, output);
        Assert.Contains($"model gzaiedge-traffic-coco v{version} loads, fits traffic-detection and ran on the replay", output, StringComparison.Ordinal);

        await using var watcher = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "report-watcher" });
        await watcher.ConnectAsync(CancellationToken.None);
        await watcher.SubscribeAsync([new MqttSubscription("gz/v1/tianhe-01/cam-01/kpi")], CancellationToken.None);
        await using var edge = GzProcesses.StartEdge(config, folder);

        // At four times real time the 24 s replay plays in 6 s: reports until the vehicles and persons of a whole loop were counted.
        var reports = new List<KpiReport>();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (reports.Sum(r => r.Kpis.GetValueOrDefault("vehicle_count")) < 36 || reports.Sum(r => r.Kpis.GetValueOrDefault("pedestrian_count")) < 8)
        {
            var message = await watcher.Messages.ReadAsync(wait.Token);
            reports.Add(JsonSerializer.Deserialize(message.Payload.Span, GzJsonContext.Default.KpiReport)!);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        Assert.All(reports, r => Assert.Equal(new ModelInfo("gzaiedge-traffic-coco", version, sha256), r.Model));
        Assert.Contains(reports, r => r.Kpis.GetValueOrDefault("max_pedestrians_per_frame") > 0);
    }
}
