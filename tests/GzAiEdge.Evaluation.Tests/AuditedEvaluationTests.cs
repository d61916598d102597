using System.Text.Json;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.Reports;
using GzAiEdge.Evaluation.Tests.Support;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Tests;

/// <summary>
/// The evaluation of stored data with audits: the accuracy KPIs come from the latest valid audit of each listed device in
/// the period, with their intervals, and the audit flags are gates. The audits are stated by the test
/// (<see cref="FixedAudits"/>); runs against real ones are in GzAiEdge.EndToEnd.Tests once the audit store is wired.
/// </summary>
[Collection(IngestedProgrammeCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class AuditedEvaluationTests(IngestedProgrammeFixture data)
{
    private static readonly DateTimeOffset From = IngestedProgrammeFixture.From;

    [Fact]
    public async Task Accuracy_comes_from_the_latest_valid_audit_in_the_period_and_its_intervals_reach_the_score()
    {
        var audits = new FixedAudits(
            FixedAudits.Traffic("a-old", "tianhe-11", "cam-01", From.AddMinutes(1), (0.5, 0.4, 0.6), (0.5, 0.4, 0.6), (0.5, 0.4, 0.6)),
            FixedAudits.Traffic("a-new", "tianhe-11", "cam-01", From.AddMinutes(3), (0.92, 0.88, 0.95), (0.9, 0.86, 0.93), (0.85, 0.8, 0.9)),
            FixedAudits.Traffic("a-after", "tianhe-11", "cam-01", From.AddMinutes(10), (1, 1, 1), (1, 1, 1), (1, 1, 1)),
            FixedAudits.Traffic("a-unlisted", "tianhe-11", "cam-09", From.AddMinutes(2), (1, 1, 1), (1, 1, 1), (1, 1, 1)));

        var evaluation = await EvaluateAsync(audits);
        using var json = JsonDocument.Parse(EvaluationJson.Scenario(evaluation, data.Programme.CatalogueVersion, data.Programme.RubricVersion));
        var root = json.RootElement;

        // The service part is 17 points (EvaluationTests). Recall 25 × (0.92 − 0.8) / 0.15 = 20, its interval 0.88 → 13.33,
        // 0.95 → 25; precision 15 × 0.1 / 0.15 = 10 in [6, 13]; AP 15 × 0.25 / 0.3 = 12.5 in [10, 15].
        // Score 17 + 20 + 10 + 12.5 = 59.5 in [17 + 13.33 + 6 + 10, 17 + 25 + 13 + 15] = [46.33, 70].
        Assert.Equal(59.5, root.GetProperty("score").GetDouble());
        Assert.Equal([46.33, 70.0], root.GetProperty("scoreInterval").EnumerateArray().Select(v => v.GetDouble()));
        var recall = root.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "audit_detection_recall");
        Assert.Equal((0.92, 20.0), (recall.GetProperty("value").GetDouble(), recall.GetProperty("points").GetDouble()));
        Assert.Equal([0.88, 0.95], recall.GetProperty("valueInterval").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains("from audit a-new (tianhe-11/cam-01)", recall.GetProperty("note").GetString());
        var audit = Assert.Single(root.GetProperty("audits").EnumerateArray()).GetProperty("audit");
        Assert.Equal(("a-new", "gz-traffic", "1.1"), (audit.GetProperty("id").GetString(), audit.GetProperty("testSet").GetProperty("name").GetString(),
            audit.GetProperty("model").GetProperty("version").GetString()));
        Assert.Equal(["completeness"], root.GetProperty("failedGates").EnumerateArray().Select(g => g.GetString()));
        Assert.All(AuditFlags.All, flag => Assert.Equal("passed", Gate(root, $"audit:{flag}")));

        // The same stored data and audits give the same bytes, and the report still fits a page with the audit on it.
        Assert.Equal(EvaluationJson.Scenario(evaluation, "c", "r"), EvaluationJson.Scenario(await EvaluateAsync(audits), "c", "r"));
        using var folder = new TempFolder("gz-report");
        await ReportWriter.WriteScenarioAsync(evaluation, "c", "r", folder.Path, pdf: true, CancellationToken.None);
        Assert.Equal(1, ReportTests.PageCount(await File.ReadAllBytesAsync(folder.File(IngestedProgrammeFixture.Scenario + ".pdf"))));
        Assert.Contains("a-new", await File.ReadAllTextAsync(folder.File(IngestedProgrammeFixture.Scenario + ".html")));
    }

    [Fact]
    public async Task A_failed_audit_flag_fails_its_gate_and_one_that_could_not_be_checked_leaves_it_pending()
    {
        var audits = new FixedAudits(FixedAudits.Traffic("a-1", "tianhe-11", "cam-01", From.AddMinutes(2), (0.9, 0.9, 0.9), (0.9, 0.9, 0.9), (0.9, 0.9, 0.9),
            new AuditFlag(AuditFlags.FieldModelMatches, false, "the field reports name model sha256 bbbb…, the audit aaaa…"),
            new AuditFlag(AuditFlags.LatencyConsistent, null, "no field report in the hour after the audit yet")));

        using var json = JsonDocument.Parse(EvaluationJson.Scenario(await EvaluateAsync(audits), "c", "r"));
        var root = json.RootElement;

        Assert.Equal(["completeness", "audit:field_model_matches"], root.GetProperty("failedGates").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("not evaluated", Gate(root, "audit:latency_consistent"));
        Assert.Equal("passed", Gate(root, "audit:repeats_identical"));
        var failed = root.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gate").GetString() == "audit:field_model_matches");
        Assert.Equal("failed on audit a-1 (tianhe-11/cam-01): the field reports name model sha256 bbbb…, the audit aaaa…", failed.GetProperty("note").GetString());
        Assert.Equal(0, failed.GetProperty("measured").GetDouble());
    }

    private static string? Gate(JsonElement root, string gate) =>
        root.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gate").GetString() == gate).GetProperty("status").GetString();

    private Task<ScenarioEvaluation> EvaluateAsync(IAuditResults audits)
    {
        Assert.True(data.Programme.Catalogue.TryGet(IngestedProgrammeFixture.Scenario, out var scenario));
        return new ScenarioEvaluator(new ScenarioReader(data.Client()), new EvidenceNotChecked(), audits)
            .EvaluateAsync(data.Programme, scenario, IngestedProgrammeFixture.Period, CancellationToken.None);
    }
}
