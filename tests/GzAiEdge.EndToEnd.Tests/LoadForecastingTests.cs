using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// The fifth domain end to end: a real edge worker replays an hourly meter through the real load forecaster, reports
/// go through Mosquitto and ingestion into InfluxDB, and the cloud scores each forecast once the next window's
/// measured load has arrived (later truth).
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class LoadForecastingTests : IAsyncLifetime
{
    private const string Scenario = "energy-e2e-load", Site = "tianhe-99", Device = "meter-01";

    private readonly TempFolder _folder = new("gz-e2e-load");
    private MosquittoBroker _broker = null!;
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _influx = await InfluxDbServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _influx.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Forecasting_the_pipeline_runs_end_to_end_and_its_score_appears_once_the_truth_arrives()
    {
        File.WriteAllText(_folder.File("catalogue.yaml"), $$"""
            scenarios:
              - id: {{Scenario}}
                sector: energy
                type: energy-load-forecasting
                name: {zh: 负荷预测端到端, en: Load forecasting end to end}
                provider: tests
                sites:
                  - site: {{Site}}
                    devices: [{{Device}}]
                period: {from: 2026-01-01, to: 2030-01-01}
            """);
        var (cloud, api) = await GzProcesses.StartCloudAsync(_broker, _influx, _folder,
            $"--Catalogue:Path={_folder.File("catalogue.yaml")}", $"--Evaluation:TypesPath={RepoPaths.Combine("firmware-configs", "scenarios", "types")}");
        await using var cloudProcess = cloud;

        // One hourly reading a second and a 1 s window: a report per meter interval. The forecaster needs 48 readings first.
        await using var edge = GzProcesses.StartEdge($"""
            edge: {"{"} site: {Site}, device: {Device}, scenario: {Scenario}, windowSeconds: 1, heartbeatSeconds: 1, stateDirectory: {_folder.File("state")} {"}"}
            broker: {"{"} port: {_broker.Port}, allowPlaintext: true {"}"}
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "load")}, speed: 3600, sampleHz: 20 {"}"}
            pipeline: {"{"} kind: load-forecasting, model: {RepoPaths.Combine("models", "load-forecaster.onnx")}, modelVersion: "1" {"}"}
            """, _folder);
        using var http = CloudAccounts.AdminClient(api, _folder);

        // The first forecast stored: its truth, the next window's measured load, has not been stored with it.
        List<(DateTimeOffset Time, double? Forecast, double? Measured)> points = [];
        await EndToEndSupport.WaitForAsync(async () => (points = await PointsAsync()).Any(p => p.Forecast is not null),
            () => $"a stored forecast; {points.Count} reports so far", cloud, edge);
        var first = points.First(p => p.Forecast is not null);
        Assert.True(points.Count(p => p.Measured is not null) >= 40, $"{points.Count} reports before the first forecast");
        Assert.InRange(first.Forecast!.Value, 100, 800);

        // From the device's first report: the minute before it would count against uptime and make the result ineligible.
        var from = points[0].Time.AddMilliseconds(-500);
        var before = await EvaluateAsync(http, from, first.Time);
        foreach (var key in new[] { "forecast_cv_rmse", "forecast_nmbe" })
        {
            var kpi = before.Kpis[key];
            Assert.Equal((JsonValueKind.Null, "accuracy", "later-truth"), (kpi.GetProperty("value").ValueKind, kpi.GetProperty("kind").GetString(), kpi.GetProperty("truth").GetString()));
            Assert.StartsWith("missing: no forecast has its truth yet", kpi.GetProperty("note").GetString(), StringComparison.Ordinal);
        }

        Assert.True(before.Root.GetProperty("provisional").GetBoolean(), before.Root.ToString());
        Assert.Contains(before.Root.GetProperty("provisionalBecause").EnumerateArray(), r => r.GetString()!.Contains("no forecast has its truth yet", StringComparison.Ordinal));

        // A few windows later the forecasts have their truth and are scored (ASHRAE Guideline 14 hourly: CV(RMSE) ≤ 30 %, |NMBE| ≤ 10 %).
        await EndToEndSupport.WaitForAsync(async () => (points = await PointsAsync()).Count(p => p.Forecast is not null) >= 8,
            () => $"eight stored forecasts; {points.Count(p => p.Forecast is not null)} so far", cloud, edge);
        var after = await EvaluateAsync(http, from, points[^1].Time);
        var cv = after.Kpis["forecast_cv_rmse"];
        var nmbe = after.Kpis["forecast_nmbe"];
        Assert.InRange(cv.GetProperty("value").GetDouble(), 0.001, 0.3);
        Assert.InRange(Math.Abs(nmbe.GetProperty("value").GetDouble()), 0, 0.1);
        Assert.InRange(cv.GetProperty("reports").GetInt64(), 5, 8);
        Assert.True(cv.GetProperty("points").GetDouble() > 0, cv.ToString());
        Assert.Contains("paired with the next window's measured value", cv.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(after.Root.GetProperty("provisionalBecause").EnumerateArray(), r => r.GetString()!.Contains("truth", StringComparison.Ordinal));
        Assert.Equal(1, after.Kpis["input_processed_share"].GetProperty("value").GetDouble(), 2);
        Assert.True(after.Kpis["inference_p95_ms"].GetProperty("value").GetDouble() > 0);
    }

    private async Task<List<(DateTimeOffset Time, double? Forecast, double? Measured)>> PointsAsync()
    {
        var rows = await EndToEndSupport.QueryAsync(_influx, $"SELECT \"seq\", \"load_forecast_kw\", \"load_measured_kw\" FROM \"kpi\" WHERE \"device\" = '{Device}'");
        var series = rows.Series.FirstOrDefault();
        if (series is null)
        {
            return [];
        }

        static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
        var columns = series.Columns.ToList();
        return [.. series.Values.Select(r => (TimeSeries.LinePoint.FromUnixNanoseconds(r[columns.IndexOf("time")].GetInt64()),
            Number(r[columns.IndexOf("load_forecast_kw")]), Number(r[columns.IndexOf("load_measured_kw")])))];
    }

    private static async Task<(JsonElement Root, Dictionary<string, JsonElement> Kpis)> EvaluateAsync(HttpClient http, DateTimeOffset from, DateTimeOffset to)
    {
        var query = $"from={from.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}&to={to.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}";
        var root = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/evaluation/scenarios/{Scenario}?{query}", UriKind.Relative));
        return (root, root.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!));
    }
}
