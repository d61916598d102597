using System.Text.Json;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Tests;

[Collection(IngestedProgrammeCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class EvaluationTests(IngestedProgrammeFixture data)
{
    private const string Query = "from=2026-03-01T00:00:00Z&to=2026-03-01T00:04:00Z";

    [Fact]
    public async Task A_scenario_is_scored_from_ingested_data_with_every_number_explained_and_the_same_bytes_twice()
    {
        using var http = data.ApiClient();
        var url = new Uri($"/api/v1/evaluation/scenarios/{IngestedProgrammeFixture.Scenario}?{Query}", UriKind.Relative);
        var first = await http.GetByteArrayAsync(url);
        var second = await http.GetByteArrayAsync(url);
        using var json = JsonDocument.Parse(first);
        var root = json.RootElement;

        Assert.Equal(first, second);

        // inference_p95_ms: p95 of ten 120s and ten 180s = 180 → (200 − 180) / (200 − 100) = 0.2 × 10 = 2 points.
        // input_processed_share: mean of ten 0.9s and ten 0.99s = 0.945 → (0.945 − 0.9) / 0.09 = 0.5 × 10 = 5 points.
        // uptime: every 1-minute bucket had reports → 1 × 10 = 10. completeness 20/22 < 0.95 → 0. verified share: evidence
        // not checked → missing, 0. The three audit KPIs: no audit → missing, 0. The world's vehicles score nothing. Score 17.
        Assert.Equal(17, root.GetProperty("score").GetDouble());
        Assert.Equal([17.0, 17.0], root.GetProperty("scoreInterval").EnumerateArray().Select(v => v.GetDouble()));
        var kpis = root.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!);
        Assert.Equal((180.0, 0.2, 20L), (kpis["inference_p95_ms"].GetProperty("value").GetDouble(), kpis["inference_p95_ms"].GetProperty("achievement").GetDouble(), kpis["inference_p95_ms"].GetProperty("reports").GetInt64()));
        Assert.Equal((0.945, 5.0), (kpis["input_processed_share"].GetProperty("value").GetDouble(), kpis["input_processed_share"].GetProperty("points").GetDouble()));
        Assert.Equal((1.0, 10.0, "service"), (kpis["uptime"].GetProperty("value").GetDouble(), kpis["uptime"].GetProperty("points").GetDouble(), kpis["uptime"].GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Null, kpis["verified_share"].GetProperty("value").ValueKind);
        Assert.Equal(("accuracy", "audit", JsonValueKind.Null), (kpis["audit_detection_recall"].GetProperty("kind").GetString(), kpis["audit_detection_recall"].GetProperty("truth").GetString(), kpis["audit_detection_recall"].GetProperty("value").ValueKind));
        Assert.Equal("missing: no valid audit in the period of tianhe-11/cam-01, achievement 0", kpis["audit_detection_recall"].GetProperty("note").GetString());
        Assert.DoesNotContain("vehicle_flow_per_hour", kpis.Keys);
        Assert.Equal("inference p95 ≤ 100 ms at 5 inputs/s", root.GetProperty("requirement").GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(kpis["uptime"].GetProperty("reasons").GetProperty("target").GetString()));
        var audit = Assert.Single(root.GetProperty("audits").EnumerateArray());
        Assert.Equal(("cam-01", JsonValueKind.Null), (audit.GetProperty("device").GetString(), audit.GetProperty("audit").ValueKind));

        // 20 received of seq 1–22 → 0.909… < 0.95: ineligible, gate named; every 1-minute bucket had reports.
        Assert.False(root.GetProperty("eligible").GetBoolean());
        Assert.Equal(["completeness"], root.GetProperty("failedGates").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(0.909090909, root.GetProperty("completeness").GetDouble());
        Assert.Equal(1, root.GetProperty("uptime").GetDouble());
        var gates = root.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("gate").GetString()!, g => g.GetProperty("status").GetString());
        Assert.Equal("not evaluated", gates["verifiedShare"]);
        Assert.Equal("passed", gates["reports"]);
        Assert.Equal("not evaluated", gates["audit:field_model_matches"]);
        Assert.Equal("evidence not checked", root.GetProperty("evidence").GetString());

        Assert.Equal(20, root.GetProperty("reports").GetProperty("used").GetInt64());
        var excluded = Assert.Single(root.GetProperty("reports").GetProperty("excluded").EnumerateArray());
        Assert.Equal(("cam-09", 3L), (excluded.GetProperty("device").GetString(), excluded.GetProperty("count").GetInt64()));
        Assert.Equal(3, await data.DeadLetteredAsync());
        Assert.Equal(["yolo@1.0", "yolo@1.1"], root.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(data.Programme.CatalogueVersion, root.GetProperty("catalogueVersion").GetString());
    }

    [Fact]
    public async Task Completeness_per_device_and_window_charges_a_gap_to_the_bucket_where_reports_resumed()
    {
        using var http = data.ApiClient();
        var body = await http.GetStringAsync(new Uri($"/api/v1/evaluation/scenarios/{IngestedProgrammeFixture.Scenario}/completeness?{Query}", UriKind.Relative));
        var device = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("devices").EnumerateArray());

        // Buckets of 60 s: seq 1–4 | 7–11 (5 and 6 lost) | 12–17 | 18–22.
        Assert.Equal((20L, 22L), (device.GetProperty("received").GetInt64(), device.GetProperty("expected").GetInt64()));
        Assert.Equal([(4L, 4L), (5L, 7L), (6L, 6L), (5L, 5L)],
            device.GetProperty("windows").EnumerateArray().Select(w => (w.GetProperty("received").GetInt64(), w.GetProperty("expected").GetInt64())));
    }

    [Fact]
    public async Task Unknown_scenarios_and_bad_periods_are_clear_http_errors()
    {
        using var http = data.ApiClient();

        var unknown = await http.GetAsync(new Uri("/api/v1/evaluation/scenarios/nope", UriKind.Relative));
        var badTime = await http.GetAsync(new Uri($"/api/v1/evaluation/scenarios/{IngestedProgrammeFixture.Scenario}?from=yesterday&to=2026-03-02", UriKind.Relative));
        var backwards = await http.GetAsync(new Uri($"/api/v1/evaluation/scenarios/{IngestedProgrammeFixture.Scenario}?from=2026-03-02&to=2026-03-01", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("scenario 'nope' is not in the catalogue", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Contains("from 'yesterday' is not an ISO 8601 time", await badTime.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("to must be after from", await backwards.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_programme_leaderboard_ranks_only_eligible_scenarios_and_the_in_process_evaluator_agrees_with_the_api()
    {
        var programme = await EvaluateProgrammeAsync(parallelism: 4);

        Assert.Equal(100, programme.Scenarios.Count);

        // Only one scenario has data in the period, and its completeness gate fails; all others have no reports.
        Assert.Empty(programme.Leaderboard);
        Assert.All(programme.Scenarios, s => Assert.False(s.Score.Eligible));
        var ours = programme.Scenarios.Single(s => s.Scenario.Id == IngestedProgrammeFixture.Scenario);
        Assert.Equal(17, ours.Score.Score);

        // A second evaluation of the same stored data, in another order, gives the same bytes; so does the API.
        var again = await EvaluateProgrammeAsync(parallelism: 1);
        Assert.Equal(EvaluationJson.Programme(programme, true), EvaluationJson.Programme(again, true));
        using var http = data.ApiClient();
        var api = await http.GetByteArrayAsync(new Uri($"/api/v1/evaluation/leaderboard?{Query}", UriKind.Relative));
        Assert.Equal(EvaluationJson.Programme(programme, withScenarios: false), api);
    }

    private Task<ProgrammeEvaluation> EvaluateProgrammeAsync(int parallelism) =>
        new ProgrammeEvaluator(new ScenarioEvaluator(new ScenarioReader(data.Client()), new EvidenceNotChecked(), new NoAuditResults()))
            .EvaluateAsync(data.Programme, null, IngestedProgrammeFixture.Period, parallelism, null, CancellationToken.None);
}
