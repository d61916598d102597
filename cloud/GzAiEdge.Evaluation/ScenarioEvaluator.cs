using System.Globalization;
using System.Text.Json;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation;

/// <summary>
/// Scores one scenario over a period from InfluxDB: one request (<see cref="ScenarioQuery"/>), then
/// the rubric maths. Values are rounded to 9 significant digits so that the same stored data gives
/// byte-identical output even if InfluxDB sums in a different order.
/// </summary>
public sealed class ScenarioEvaluator(InfluxDbClient influx, IEvidenceVerifier evidence)
{
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    /// <exception cref="InfluxQueryException">InfluxDB refused the query.</exception>
    public async Task<ScenarioEvaluation> EvaluateAsync(Programme programme, Scenario scenario, DemonstrationPeriod period, CancellationToken cancellationToken)
    {
        var type = programme.TypeOf(scenario);
        var query = new ScenarioQuery(scenario, programme.RubricFor(scenario), period);
        var result = await influx.QueryAsync(query.Text(), cancellationToken);
        var statements = Enumerable.Range(0, 5).Select(i => result.Statements.FirstOrDefault(s => s.StatementId == i)?.Series ?? []).ToArray();

        var listed = scenario.Sites.SelectMany(s => s.Devices.Select(d => (Site: s, Device: d))).ToList();
        var devices = new List<DeviceCompleteness>();
        foreach (var (site, device) in listed)
        {
            var share = await evidence.VerifyAsync(scenario.Id, site.Site, device, period, cancellationToken) is { Checked: > 0 } e
                ? (double)e.Verified / e.Checked
                : (double?)null;
            devices.Add(CompletenessCalculator.For(site, device, statements[0].FirstOrDefault(s => Is(s, site.Site, device)),
                statements[3].Where(s => Is(s, site.Site, device)), query.BucketCount, share));
        }

        var excluded = statements[0]
            .Where(s => !listed.Any(l => Is(s, l.Site.Site, l.Device)))
            .Select(s => new ExcludedReports(Tag(s, "site"), Tag(s, "device"), (long)s.Value(0, "n").GetDouble(), "device not listed for this scenario in the catalogue"))
            .OrderBy(e => e.Site, StringComparer.Ordinal).ThenBy(e => e.Device, StringComparer.Ordinal)
            .ToList();
        var used = devices.Sum(d => d.Received);
        var expected = devices.Sum(d => d.Expected);
        var completeness = expected == 0 ? (double?)null : Round(Math.Min(1, (double)used / expected));
        var uptime = devices.Count == 0 ? (double?)null : Round(devices.Average(d => d.Uptime));
        var verified = devices.All(d => d.VerifiedShare is not null) && devices.Count > 0
            ? Round(devices.Sum(d => d.VerifiedShare!.Value * d.Received) / Math.Max(1, used))
            : (double?)null;

        var measured = new Dictionary<string, KpiMeasurement>(StringComparer.Ordinal);
        var totals = statements[1].FirstOrDefault();
        for (var i = 0; i < query.Rubric.Count; i++)
        {
            var value = totals is null ? null : Number(totals.Value(0, $"v{i}"));
            var count = totals is null ? 0 : (long)(Number(totals.Value(0, $"n{i}")) ?? 0);
            measured[query.Rubric[i].Key] = new KpiMeasurement(count == 0 ? null : value, count);
        }

        var score = ScoreCalculator.Score(query.Rubric, measured, type.Gates, new GateMeasurements(completeness, uptime, verified, used));
        return new ScenarioEvaluation(scenario, type, period, query.Bucket, score, new ReportCounts(used, excluded), devices,
            completeness, uptime, verified is null ? EvidenceNotChecked.Description : $"checked: {evidence.Method}", Models(statements[4]), Series(query, statements[2]));
    }

    private static List<string> Models(IReadOnlyList<InfluxSeries> series) =>
        [.. series.SelectMany(s => s.Values.Select(r => r[1].ValueKind == JsonValueKind.String ? r[1].GetString()! : r[1].GetRawText()))
            .Distinct().Order(StringComparer.Ordinal)];

    private static List<KpiSeries> Series(ScenarioQuery query, IReadOnlyList<InfluxSeries> series)
    {
        var rows = series.FirstOrDefault();
        return [.. query.Rubric.Select((k, i) => new KpiSeries(k.Key, rows is null ? [] :
            [.. Enumerable.Range(0, rows.Values.Count)
                .Select(r => (Start: LinePoint.FromUnixNanoseconds(rows.Value(r, "time").GetInt64()), Value: Number(rows.Value(r, $"v{i}"))))
                .Where(p => p.Value is not null)
                .Select(p => (p.Start, p.Value!.Value))]))];
    }

    private static bool Is(InfluxSeries series, string site, string device) => Tag(series, "site") == site && Tag(series, "device") == device;

    private static string Tag(InfluxSeries series, string key) => series.Tags.TryGetValue(key, out var value) ? value : string.Empty;

    private static double? Number(JsonElement cell) => cell.ValueKind == JsonValueKind.Number ? Round(cell.GetDouble()) : null;

    /// <summary>9 significant digits: stable across summation order, far finer than any KPI's meaning.</summary>
    internal static double Round(double value) => double.Parse(value.ToString("G9", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
