using System.Text.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.Reports;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Tests;

/// <summary>
/// Declared outcomes evaluated from stored data: reports through the real broker and ingestion into InfluxDB, daily means
/// read back, the effect against the baseline estimated with its block-bootstrap interval and added to the score. The
/// sample catalogue declares one with a period before (traffic-baiyun-signal-14, February against March) and one
/// without a baseline (traffic-panyu-signal-25).
/// </summary>
[Collection(IngestedProgrammeCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class OutcomeEvaluationTests(IngestedProgrammeFixture data)
{
    private static readonly DateTimeOffset February = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Queues_a_fifth_shorter_than_before_the_AI_are_found_and_scored_with_an_interval_excluding_no_change()
    {
        // Four windows a day: 28 days of February at about 10 vehicles standing, 30 days of March at about 8.
        await data.StoreAsync([.. Queue("traffic-baiyun-signal-14", "baiyun-24", [.. Days(February, 28, 10, seed: 1), .. Days(March, 30, 8, seed: 2)])]);

        var evaluation = await EvaluateAsync("traffic-baiyun-signal-14");
        using var json = JsonDocument.Parse(EvaluationJson.Scenario(evaluation, "c", "r"));
        var outcome = json.RootElement.GetProperty("outcome");

        Assert.True(outcome.GetProperty("scored").GetBoolean());
        Assert.Equal((30, 28), (outcome.GetProperty("days").GetInt32(), outcome.GetProperty("baselineDays").GetInt32()));
        Assert.InRange(outcome.GetProperty("improvement").GetDouble(), 0.15, 0.25);
        var interval = outcome.GetProperty("improvementInterval").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(interval[0] > 0, $"[{interval[0]}, {interval[1]}] should exclude no change");
        var points = outcome.GetProperty("points").GetDouble();
        Assert.InRange(points, 7.5, 10);

        // The outcome's points are in the score, beside the KPIs'.
        var kpiPoints = json.RootElement.GetProperty("kpis").EnumerateArray().Sum(k => k.GetProperty("points").GetDouble());
        Assert.Equal(Math.Round(kpiPoints + points, 2), json.RootElement.GetProperty("score").GetDouble(), 9);
        Assert.Equal(evaluation.Score.Outcome!.Points, evaluation.Score.Score - evaluation.Score.Kpis.Sum(k => k.Points), 2);

        // The same stored data gives the same bytes, and the report states the outcome.
        Assert.Equal(EvaluationJson.Scenario(evaluation, "c", "r"), EvaluationJson.Scenario(await EvaluateAsync("traffic-baiyun-signal-14"), "c", "r"));
        using var folder = new TempFolder("gz-outcome-report");
        await ReportWriter.WriteScenarioAsync(evaluation, "c", "r", folder.Path, pdf: false, CancellationToken.None);
        var html = await File.ReadAllTextAsync(folder.File("traffic-baiyun-signal-14.html"));
        Assert.Contains("<b>成效 Outcome</b> <code>mean_vehicles_per_frame</code> (lower is better)", html, StringComparison.Ordinal);
        Assert.Contains("the interval excludes no change", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_baseline_the_outcome_is_shown_and_nothing_is_scored()
    {
        await data.StoreAsync([.. Queue("traffic-panyu-signal-25", "panyu-35", [.. Days(March, 5, 8, seed: 3)])]);

        var evaluation = await EvaluateAsync("traffic-panyu-signal-25");
        using var json = JsonDocument.Parse(EvaluationJson.Scenario(evaluation, "c", "r"));
        var outcome = json.RootElement.GetProperty("outcome");

        Assert.False(outcome.GetProperty("scored").GetBoolean());
        Assert.Equal(5, outcome.GetProperty("days").GetInt32());
        Assert.InRange(outcome.GetProperty("mean").GetDouble(), 6, 10);
        Assert.Equal(0, outcome.GetProperty("points").GetDouble());
        Assert.Equal([0.0, 0.0], outcome.GetProperty("pointsInterval").EnumerateArray().Select(v => v.GetDouble()));
        Assert.False(outcome.TryGetProperty("effect", out _));
        Assert.Equal("no baseline declared (a period before the AI or a control scenario): the outcome is shown, not scored", outcome.GetProperty("note").GetString());
        Assert.Equal(json.RootElement.GetProperty("kpis").EnumerateArray().Sum(k => k.GetProperty("points").GetDouble()), json.RootElement.GetProperty("score").GetDouble(), 2);
    }

    private Task<ScenarioEvaluation> EvaluateAsync(string id)
    {
        Assert.True(data.Programme.Catalogue.TryGet(id, out var scenario));
        return new ScenarioEvaluator(new ScenarioReader(data.Client()), new EvidenceNotChecked(), new NoAuditResults())
            .EvaluateAsync(data.Programme, scenario, scenario.Period!, CancellationToken.None);
    }

    // Per day four six-hour windows ending at 03, 09, 15 and 21 h (inside the day whichever way its edges are counted); the day's level follows the week (weekends quieter) and a day-to-day AR(1) drift.
    private static IEnumerable<(DateTimeOffset End, double Vehicles)> Days(DateTimeOffset from, int days, double level, int seed)
    {
        var random = new Random(seed);
        var drift = 0.0;
        for (var d = 0; d < days; d++)
        {
            drift = (0.6 * drift) + ((random.NextDouble() - 0.5) * 0.16);
            var day = from.AddDays(d);
            var weekly = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.85 : 1.05;
            for (var w = 1; w <= 4; w++)
            {
                yield return (day.AddHours((6 * w) - 3), level * weekly * (1 + drift) * (0.9 + (0.2 * random.NextDouble())));
            }
        }
    }

    private static IEnumerable<KpiReport> Queue(string scenario, string site, IReadOnlyList<(DateTimeOffset End, double Vehicles)> windows) =>
        windows.Select((w, i) => new KpiReport
        {
            V = 1,
            Site = site,
            Device = "cam-01",
            Scenario = scenario,
            Seq = i + 1,
            WindowStart = w.End.AddHours(-6),
            WindowEnd = w.End,
            Kpis = new Dictionary<string, double> { ["mean_vehicles_per_frame"] = w.Vehicles, ["inference_p95_ms"] = 60, ["input_processed_share"] = 1 },
            Model = new ModelInfo("yolo", "1.1", new string('a', 64)),
        });
}
