using System.Text.Json;
using GzAiEdge.Scenarios.Catalogue;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>Sends a <see cref="ScenarioQuery"/> as one request and names what each of its statements answered.</summary>
public sealed class ScenarioReader(InfluxDbClient influx)
{
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    /// <exception cref="InfluxQueryException">InfluxDB refused the query.</exception>
    public async Task<ScenarioData> ReadAsync(ScenarioQuery query, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(query.Text(), cancellationToken);
        IReadOnlyList<InfluxSeries> Statement(int id) => result.Statements.FirstOrDefault(s => s.StatementId == id)?.Series ?? [];

        var totals = Statement(1).FirstOrDefault();
        var buckets = Statement(2).FirstOrDefault();
        return new ScenarioData(
            [.. Statement(0).Where(s => s.Values.Count > 0).Select(s => new DeviceReports(
                TagOf(s, Tag.Site), TagOf(s, Tag.Device), Long(s.Value(0, ScenarioQuery.Count)), Long(s.Value(0, ScenarioQuery.First)), Long(s.Value(0, ScenarioQuery.Last))))],
            [.. query.Rubric.Select((k, i) => new KpiTotal(k.Key,
                totals is null ? null : Number(totals.Value(0, ScenarioQuery.ValueColumn(i))),
                totals is null ? 0 : Long(totals.Value(0, ScenarioQuery.CountColumn(i)))))],
            [.. query.Rubric.Select((k, i) => new KpiBuckets(k.Key, buckets is null ? [] :
                [.. Enumerable.Range(0, buckets.Values.Count)
                    .Select(r => (Start: LinePoint.FromUnixNanoseconds(buckets.Value(r, Time).GetInt64()), Value: Number(buckets.Value(r, ScenarioQuery.ValueColumn(i)))))
                    .Where(p => p.Value is not null)
                    .Select(p => new KpiBucket(p.Start, p.Value!.Value))]))],
            [.. Statement(3).SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(r => new DeviceBucket(
                TagOf(s, Tag.Site), TagOf(s, Tag.Device), LinePoint.FromUnixNanoseconds(Long(s.Value(r, Time))),
                Long(s.Value(r, ScenarioQuery.Count)), Long(s.Value(r, ScenarioQuery.Last)))))],
            [.. Statement(4).SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(r => s.Value(r, ScenarioQuery.ModelColumn)))
                .Select(cell => cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetRawText())],
            [.. Statement(5).SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(r => new DeviceHeartbeats(
                TagOf(s, Tag.Site), TagOf(s, Tag.Device), LinePoint.FromUnixNanoseconds(Long(s.Value(r, Time))), Long(s.Value(r, ScenarioQuery.Count)))))]);
    }

    /// <summary>
    /// Each day's mean of <paramref name="measure"/> over <paramref name="scenario"/>'s listed devices in
    /// <paramref name="period"/>, in day order (days without a report left out): what a declared outcome compares.
    /// </summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    /// <exception cref="InfluxQueryException">InfluxDB refused the query.</exception>
    public async Task<IReadOnlyList<KpiBucket>> DailyMeansAsync(Scenario scenario, string measure, DemonstrationPeriod period, CancellationToken cancellationToken) =>
        scenario.Sites.Count == 0 ? [] : DailyMeansQuery.Days(await influx.QueryAsync(DailyMeansQuery.Text(scenario, measure, period), cancellationToken));

    /// <summary>
    /// Every report of <paramref name="scenario"/>'s listed devices in <paramref name="period"/> that carried
    /// <paramref name="forecastKey"/> or <paramref name="measuredKey"/>, with its seq: what later truth pairs.
    /// </summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    /// <exception cref="InfluxQueryException">InfluxDB refused the query.</exception>
    public async Task<IReadOnlyList<ForecastPoint>> ForecastPointsAsync(Scenario scenario, string forecastKey, string measuredKey, DemonstrationPeriod period, CancellationToken cancellationToken) =>
        scenario.Sites.Count == 0 ? [] : ForecastPointsQuery.Points(await influx.QueryAsync(ForecastPointsQuery.Text(scenario, forecastKey, measuredKey, period), cancellationToken));

    private static string TagOf(InfluxSeries series, string key) => series.Tags.TryGetValue(key, out var value) ? value : string.Empty;

    private static double? Number(JsonElement cell) => cell.ValueKind == JsonValueKind.Number ? cell.GetDouble() : null;

    private static long Long(JsonElement cell) => cell.ValueKind == JsonValueKind.Number ? (long)cell.GetDouble() : 0;
}

/// <summary>What InfluxDB answered to a <see cref="ScenarioQuery"/>, by statement.</summary>
/// <param name="Devices">Statement 0: reports per device in the period for the scenario, listed in the catalogue or not.</param>
/// <param name="Totals">Statement 1: each rubric KPI (in rubric order) aggregated over the period, over the listed devices.</param>
/// <param name="Buckets">Statement 2: each rubric KPI aggregated per time bucket; buckets without a value are left out.</param>
/// <param name="DeviceBuckets">Statement 3: reports and last seq per listed device and time bucket with reports.</param>
/// <param name="Models">Statement 4: the <c>name@version</c> values seen, as InfluxDB listed them (possibly repeated).</param>
/// <param name="Heartbeats">Statement 5: heartbeats per listed device and time bucket with any.</param>
public sealed record ScenarioData(
    IReadOnlyList<DeviceReports> Devices,
    IReadOnlyList<KpiTotal> Totals,
    IReadOnlyList<KpiBuckets> Buckets,
    IReadOnlyList<DeviceBucket> DeviceBuckets,
    IReadOnlyList<string> Models,
    IReadOnlyList<DeviceHeartbeats> Heartbeats);

/// <summary>A device's reports in the period: how many, and the smallest and largest seq stored.</summary>
public sealed record DeviceReports(string Site, string Device, long Count, long FirstSeq, long LastSeq);

/// <summary>A KPI aggregated over the period (null when no report carried it) and how many reports carried it.</summary>
public sealed record KpiTotal(string Key, double? Value, long Count);

/// <summary>A KPI aggregated per time bucket.</summary>
public sealed record KpiBuckets(string Key, IReadOnlyList<KpiBucket> Values);

/// <summary>One bucket's start and aggregated value.</summary>
public sealed record KpiBucket(DateTimeOffset Start, double Value);

/// <summary>One device's reports in one time bucket, and the largest seq among them.</summary>
public sealed record DeviceBucket(string Site, string Device, DateTimeOffset Start, long Count, long LastSeq);

/// <summary>One device's heartbeats in one time bucket.</summary>
public sealed record DeviceHeartbeats(string Site, string Device, DateTimeOffset Start, long Count);
