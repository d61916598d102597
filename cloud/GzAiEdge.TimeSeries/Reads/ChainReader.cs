using System.Text.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// Reads one device's stored reports and checkpoints back from InfluxDB and rebuilds the messages
/// exactly as they were signed (<see cref="StoredSchema.Kpi"/> says which fields make that possible).
/// </summary>
public sealed class ChainReader(InfluxDbClient influx)
{
    /// <summary>
    /// The device's chain over the period checked with its key: reads the seq stored before the
    /// period, the period's reports and checkpoints. Also says how many reports were read.
    /// </summary>
    public async Task<(ChainVerification Result, int Reports)> VerifyAsync(string site, string device, DateTimeOffset from, DateTimeOffset to,
        SignatureCheck key, CancellationToken cancellationToken)
    {
        var before = await LastSeqBeforeAsync(site, device, from, cancellationToken);
        var reports = await ReportsAsync(site, device, from, to, cancellationToken);
        var checkpoints = await CheckpointsAsync(site, device, from, to, cancellationToken);
        return (ChainVerifier.Verify(site, device, from, to, before, reports, checkpoints, key), reports.Count);
    }

    /// <summary>The highest seq the device stored before <paramref name="from"/>, or null.</summary>
    public async Task<long?> LastSeqBeforeAsync(string site, string device, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT max({InfluxQl.Identifier(KpiField.Seq)}) {Conditions.From(Measurement.Kpi)} WHERE {Conditions.Device(site, device)} AND time < {InfluxQl.TimeLiteral(from)}",
            cancellationToken);
        return result.Series.FirstOrDefault() is { } series ? series.Value(0, "max").GetInt64() : null;
    }

    /// <summary>The device's reports stored in [from, to), of every scenario, with the hash each arrived with.</summary>
    public async Task<IReadOnlyList<StoredReport>> ReportsAsync(string site, string device, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT * {Conditions.From(Measurement.Kpi)} WHERE {Conditions.Device(site, device)} AND {Conditions.Period(from, to)} GROUP BY {InfluxQl.Identifier(Tag.Scenario)}",
            cancellationToken);
        var reports = new List<StoredReport>();
        foreach (var series in result.Series)
        {
            var scenario = series.Tags.GetValueOrDefault(Tag.Scenario, string.Empty);
            for (var row = 0; row < series.Values.Count; row++)
            {
                reports.Add(ToReport(series, row, site, device, scenario));
            }
        }

        return reports;
    }

    /// <summary>
    /// Per UTC day of [from, to) that holds reports of the device: the day's start, how many reports are stored and
    /// the sum of their seq. A cheap fingerprint (one field, no rows): when it changes, the day's stored reports changed.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset Day, long Reports, long SeqSum)>> DaysAsync(string site, string device, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var seq = InfluxQl.Identifier(KpiField.Seq);
        var result = await influx.QueryAsync(
            $"SELECT count({seq}), sum({seq}) {Conditions.From(Measurement.Kpi)} WHERE {Conditions.Device(site, device)} AND {Conditions.Period(from, to)} GROUP BY time(1d) fill(none)",
            cancellationToken);
        return [.. result.Series.SelectMany(series => Enumerable.Range(0, series.Values.Count).Select(row => (
            LinePoint.FromUnixNanoseconds(series.Value(row, Time).GetInt64()),
            series.Value(row, "count").GetInt64(),
            series.Value(row, "sum").GetInt64())))];
    }

    /// <summary>The device's checkpoints stored in [from, to).</summary>
    public async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(string site, string device, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT * {Conditions.From(Measurement.Checkpoint)} WHERE {Conditions.Device(site, device)} AND {Conditions.Period(from, to)}",
            cancellationToken);
        return [.. result.Series.SelectMany(series => Enumerable.Range(0, series.Values.Count).Select(row => new Checkpoint
        {
            V = ContractVersion.Current,
            Site = site,
            Device = device,
            Time = LinePoint.FromUnixNanoseconds(series.Value(row, Time).GetInt64()),
            Seq = series.Value(row, CheckpointField.Seq).GetInt64(),
            Head = series.Value(row, CheckpointField.Head).GetString()!,
            Kid = Text(series.Value(row, CheckpointField.Kid)),
            Sig = Text(series.Value(row, CheckpointField.Sig)),
        }))];
    }

    private static StoredReport ToReport(InfluxSeries series, int row, string site, string device, string scenario)
    {
        var values = series.Values[row];
        string? Column(string name) => series.Columns.Contains(name) ? Text(series.Value(row, name)) : null;
        var kpis = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < series.Columns.Count; i++)
        {
            if (values[i].ValueKind == JsonValueKind.Number && KpiField.IsKpi(series.Columns[i]))
            {
                kpis[series.Columns[i]] = values[i].GetDouble();
            }
        }

        var modelName = Column(KpiField.ModelName);
        var report = new KpiReport
        {
            V = ContractVersion.Current,
            Site = site,
            Device = device,
            Scenario = scenario,
            Seq = series.Value(row, KpiField.Seq).GetInt64(),
            WindowStart = series.Columns.Contains(KpiField.WindowStartNs) && series.Value(row, KpiField.WindowStartNs) is { ValueKind: JsonValueKind.Number } start
                ? LinePoint.FromUnixNanoseconds(start.GetInt64())
                : default,
            WindowEnd = LinePoint.FromUnixNanoseconds(series.Value(row, Time).GetInt64()),
            Kpis = kpis,
            Model = modelName is null ? null : new ModelInfo(modelName, Column(KpiField.ModelVersion) ?? string.Empty, Column(KpiField.ModelSha256) ?? string.Empty),
            Prev = Column(KpiField.Prev),
            Kid = Column(KpiField.Kid),
            Sig = Column(KpiField.Sig),
        };
        return new StoredReport(report, Column(KpiField.Hash));
    }

    private static string? Text(JsonElement cell) => cell.ValueKind == JsonValueKind.String ? cell.GetString() : null;
}
