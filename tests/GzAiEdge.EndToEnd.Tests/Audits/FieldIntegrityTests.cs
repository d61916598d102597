using System.Collections.Concurrent;
using System.Text.Json;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Audits;

/// <summary>
/// An audit and the field: a model swapped in before the audit is flagged against the field reports of the hour before;
/// and while a long audit runs, the device's field windows keep coming on time, each with all its frames.
/// </summary>
[Collection(AuditCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class FieldIntegrityTests(AuditRig rig, ITestOutputHelper output)
{
    [Fact]
    public async Task A_model_swapped_in_for_the_audit_is_flagged_against_the_field_reports()
    {
        var fieldModel = RepoPaths.Combine("models", "traffic-detector.onnx");
        var auditModel = rig.Folder.File("traffic-detector-for-audits.onnx");
        File.WriteAllBytes(auditModel, OnnxModels.WithDocString(File.ReadAllBytes(fieldModel), "the same weights, another file"));
        var edge = await rig.StartEdgeAsync("cam-02", fieldModel);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await edge.StopAsync(TimeSpan.FromSeconds(20));
        edge = await rig.StartEdgeAsync("cam-02", auditModel);
        try
        {
            var audit = await rig.StartAuditAsync("audit-swap", "gz-traffic");
            var part = (await rig.EndedAsync(audit.Id, "cam-02")).Devices.Single();

            Assert.Equal(PartStates.Scored, part.State);
            var flag = part.Flags!.Single(f => f.Name == AuditFlags.FieldModelMatches);
            Assert.False(flag.Passed, flag.Detail);
            var field = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(fieldModel)));
            Assert.Contains($"({field[..12]})", flag.Detail, StringComparison.Ordinal);
            Assert.Contains($"carry another model than the audited traffic-detector 1 ({part.Model!.Sha256[..12]})", flag.Detail, StringComparison.Ordinal);
        }
        finally
        {
            await edge.StopAsync(TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>
    /// The device runs the COCO-layout export at 640x640, whose items take milliseconds each (the project's own detector
    /// takes half a millisecond, too quick to overlap many windows), on 1000 items (1100 runs with the repeats): a few
    /// seconds on this machine, so that several 1 s windows end while it runs.
    /// </summary>
    [Fact]
    public async Task Field_windows_come_on_time_with_all_their_frames_while_an_audit_runs()
    {
        var (code, text) = await GzProcesses.RunCliAsync(rig.Folder, "testset", "import", LargeSet(1000), "--store", rig.Store);
        Assert.True(code == 0, text);
        var edge = await rig.StartEdgeAsync("cam-02", RepoPaths.Combine("models", "traffic-yolov8-coco.onnx"), "scoreThreshold: 0.5", "vehicleClasses: [car]", "pedestrianClasses: [person]");
        await using var reports = await ReportWatch.StartAsync(rig, "cam-02");
        await Task.Delay(TimeSpan.FromSeconds(5));

        var audit = await rig.StartAuditAsync("audit-swap", "gz-traffic-large");
        var part = (await rig.EndedAsync(audit.Id, "cam-02")).Devices.Single();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await edge.StopAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(PartStates.Scored, part.State);
        var seen = reports.Seen.OrderBy(r => r.WindowEnd).ToList();
        var before = seen.Where(r => r.WindowEnd <= audit.Started).ToList();
        var during = seen.Where(r => r.WindowEnd > audit.Started.AddSeconds(1) && r.WindowEnd <= part.Answered).ToList();
        output.WriteLine($"audit {audit.Items} items, {(part.Answered!.Value - audit.Started).TotalSeconds:0.0} s; windows before {before.Count}, during {during.Count}");
        output.WriteLine($"inference p95 before {Median(before, r => r.P95):0.###} ms, during {Median(during, r => r.P95):0.###} ms; audit p95 {part.LatencyP95Ms:0.###} ms");
        output.WriteLine($"lateness before {Median(before, r => r.Lateness):0} ms, during max {during.Max(r => r.Lateness):0} ms");
        Assert.True(during.Count >= 3, $"the audit overlapped only {during.Count} windows");
        Assert.All(seen.Zip(seen.Skip(1)), p => Assert.Equal(TimeSpan.FromSeconds(1), p.Second.WindowEnd - p.First.WindowEnd));
        var frames = Median(before, r => r.Samples);
        Assert.All(during, r => Assert.InRange(r.Samples, frames - 1, frames + 1));
        Assert.All(during, r => Assert.True(r.Lateness < 1000, $"the window ending {r.WindowEnd:O} arrived {r.Lateness:0} ms after its end"));
    }

    // The committed traffic images, each several times under other ids (a symbolic link keeps the files inside the folder).
    private string LargeSet(int items)
    {
        var folder = rig.Folder.File("large-set");
        Directory.CreateDirectory(folder);
        Directory.CreateSymbolicLink(Path.Combine(folder, "images"), RepoPaths.Combine("models", "testsets", "traffic", "images"));
        using var coco = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Combine("models", "testsets", "traffic", "annotations.json")));
        var images = coco.RootElement.GetProperty("images").EnumerateArray().ToList();
        var boxes = coco.RootElement.GetProperty("annotations").EnumerateArray().ToList();
        var copies = Enumerable.Range(0, items).Select(i => (Id: i + 1, Image: images[i % images.Count])).ToList();
        File.WriteAllText(Path.Combine(folder, "annotations.json"), JsonSerializer.Serialize(new
        {
            images = copies.Select(c => new { id = c.Id, file_name = c.Image.GetProperty("file_name").GetString(), width = 160, height = 120 }),
            annotations = copies.SelectMany(c => boxes.Where(b => b.GetProperty("image_id").GetInt32() == c.Image.GetProperty("id").GetInt32())
                .Select(b => new { image_id = c.Id, category_id = b.GetProperty("category_id").GetInt32(), bbox = b.GetProperty("bbox") })),
            categories = coco.RootElement.GetProperty("categories"),
        }));
        File.WriteAllText(Path.Combine(folder, "manifest.json"),
            """{"format": "gz-testset/1", "name": "gz-traffic-large", "version": "1", "pipeline": "traffic-detection", "annotations": "annotations.json"}""");
        return folder;
    }

    private static double Median<T>(List<T> items, Func<T, double> value) => items.Select(value).Order().ElementAt(items.Count / 2);

    /// <summary>The device's KPI reports as they arrive: window end, arrival, frames (samples) and inference p95.</summary>
    private sealed class ReportWatch : IAsyncDisposable
    {
        private readonly MqttClient _client;
        private readonly Task _reading;

        private ReportWatch(MqttClient client)
        {
            _client = client;
            _reading = ReadAsync();
        }

        public ConcurrentBag<(DateTimeOffset WindowEnd, double Lateness, double Samples, double P95)> Seen { get; } = [];

        public static async Task<ReportWatch> StartAsync(AuditRig rig, string device)
        {
            var client = new MqttClient(new MqttClientOptions { Host = rig.Broker.Host, Port = rig.Broker.Port, ClientId = $"watch-{Guid.NewGuid():N}" });
            await client.ConnectAsync(CancellationToken.None);
            await client.SubscribeAsync([new MqttSubscription($"gz/v1/{AuditRig.Site}/{device}/kpi")], CancellationToken.None);
            return new ReportWatch(client);
        }

        public async ValueTask DisposeAsync()
        {
            await _client.DisposeAsync();
            await _reading;
        }

        private async Task ReadAsync()
        {
            await foreach (var message in _client.Messages.ReadAllAsync())
            {
                var arrived = DateTimeOffset.UtcNow;
                using var json = JsonDocument.Parse(message.Payload);
                var kpis = json.RootElement.GetProperty("kpis");
                var end = json.RootElement.GetProperty("windowEnd").GetDateTimeOffset();
                Seen.Add((end, (arrived - end).TotalMilliseconds, kpis.GetProperty("samples").GetDouble(),
                    kpis.TryGetProperty("inference_p95_ms", out var p95) ? p95.GetDouble() : double.NaN));
            }
        }
    }
}
