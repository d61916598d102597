using System.Text.Json;
using GzAiEdge.Audits;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Audits;

/// <summary>
/// An audit of each of the four pipelines against a worker running the project's real model on its replay, started with
/// <c>gz audit start --wait</c>: every part is scored, the metrics agree with the model card's held-out figures
/// (models/metrics.json, measured in training on other data from the same generators), the integrity flags hold, and
/// evaluation's port (<see cref="IAuditResults"/>) gives the same audit.
/// </summary>
[Collection(AuditCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class PipelineAuditTests(AuditRig rig, ITestOutputHelper output)
{
    private static readonly JsonElement Cards = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Combine("models", "metrics.json"))).RootElement;

    [Fact]
    public async Task A_traffic_audit_scores_AP_precision_and_recall_near_the_detector_card()
    {
        var metrics = await AuditAsync("cam-01", "gz-traffic");

        Near(Card("traffic-detector", "precision"), metrics[AccuracyKpis.DetectionPrecision.Key]);
        Near(Card("traffic-detector", "recall"), metrics[AccuracyKpis.DetectionRecall.Key]);
        Assert.InRange(metrics[AccuracyKpis.DetectionAp50.Key].Value, 0.9, 1);
    }

    [Fact]
    public async Task An_inspection_audit_scores_accuracy_near_the_classifier_card()
    {
        var metrics = await AuditAsync("line-01", "gz-inspection");

        Near(Card("inspection-classifier", "accuracy"), metrics[AccuracyKpis.ClassificationAccuracy.Key]);
        Assert.InRange(metrics[AccuracyKpis.ClassificationMacroF1.Key].Value, 0.85, 1);
    }

    [Fact]
    public async Task A_vibration_audit_scores_AUROC_and_recall_near_the_autoencoder_card()
    {
        var metrics = await AuditAsync("motor-01", "gz-vibration");

        Near(Card("vibration-autoencoder", "detection_rate"), metrics[AccuracyKpis.AnomalyRecall.Key]);
        Assert.InRange(metrics[AccuracyKpis.AnomalyAuroc.Key].Value, 0.97, 1);
    }

    [Fact]
    public async Task A_vitals_audit_scores_window_accuracy_near_the_classifier_card_and_a_time_to_alert()
    {
        var metrics = await AuditAsync("ward-01", "gz-vitals");

        Near(Card("vitals-classifier", "accuracy"), metrics[AccuracyKpis.ClassificationAccuracy.Key]);
        var alert = metrics[AccuracyKpis.TimeToAlertS.Key];
        Assert.InRange(alert.Value, 1, 60);
        Assert.True(alert.Low <= alert.Value && alert.Value <= alert.High, $"{alert.Low} <= {alert.Value} <= {alert.High}");
    }

    /// <summary>Audits <paramref name="device"/> with the CLI, checks the part and its flags, and returns its metrics.</summary>
    private async Task<IReadOnlyDictionary<string, AuditMetric>> AuditAsync(string device, string testSet)
    {
        var worker = AuditRig.Workers.Single(w => w.Device == device);
        var (code, text) = await GzProcesses.RunCliAsync(rig.Folder, "audit", "--api", rig.Api.ToString(), "--token-file", rig.Folder.File("admin.token"), "start", "--scenario", worker.Scenario, "--testset", testSet, "--wait", "--timeout", "50");
        output.WriteLine(text);
        Assert.True(code == 0, $"{text}\n--- edge ---\n{rig.Edges[device].Output}\n--- cloud ---\n{rig.Cloud.Output}");
        var id = text.Split('\n')[0].Trim();
        var part = (await rig.EndedAsync(id, device)).Devices.Single();

        Assert.Equal(PartStates.Scored, part.State);
        Assert.Equal([.. AuditFlags.All], part.Flags!.Select(f => f.Name));
        Assert.All(part.Flags!.Where(f => f.Name != AuditFlags.LatencyConsistent), f => Assert.True(f.Passed, $"{f.Name}: {f.Detail}"));
        // The vital-signs model runs once per 5 s hop and only once 30 s of signal filled its first window, so the few
        // field windows before its audit may hold no inference to compare with; the others run every frame.
        var latency = part.Flags!.Single(f => f.Name == AuditFlags.LatencyConsistent);
        Assert.True(latency.Passed is not null || worker.Pipeline == "vitals-classification", latency.Detail);
        Assert.Equal(RepoSha(worker.Model), part.Model!.Sha256);
        Assert.Equal(part.Metrics!.Keys.Order(), Scenarios.Audits.AuditedPipelines.Metrics(worker.Pipeline).Select(k => k.Key).Order());

        var port = await PortAsync(worker.Scenario, device);
        Assert.Equal(id, port.AuditId);
        Assert.Equal(part.Metrics!.Keys.Order(), port.Metrics.Keys.Order());
        Assert.All(part.Metrics!, m => Assert.Equal(m.Value, port.Metrics[m.Key]));
        return part.Metrics!;
    }

    // Evaluation's port, over the same store and InfluxDB as the cloud.
    private async Task<DeviceAudit> PortAsync(string scenario, string device)
    {
        using var http = new HttpClient();
        var influx = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = rig.Influx.BaseAddress, Database = rig.Influx.Database }));
        var store = new AuditStore(new AuditDatabase(rig.Store));
        var flags = new IntegrityFlags(new AuditFieldReader(influx), store, Options.Create(new AuditsOptions()));
        var results = await new AuditResults(store, flags).LatestValidAsync(scenario, [(AuditRig.Site, device), (AuditRig.Site, "nobody")],
            DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        return Assert.Single(results);
    }

    // The card's figure lies within the audit's 95% interval, or within 0.03 of it (another sample of the same generator).
    private static void Near(double card, AuditMetric audit) =>
        Assert.True(card >= audit.Low - 0.03 && card <= audit.High + 0.03, $"card {card}, audit {audit.Value} [{audit.Low}, {audit.High}] over {audit.Items} items");

    private static double Card(string model, string figure) => Cards.GetProperty(model).GetProperty(figure).GetDouble();

    private static string RepoSha(string model) => Cards.GetProperty(model).GetProperty("sha256").GetString()!;
}
