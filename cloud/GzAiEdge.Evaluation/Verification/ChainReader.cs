using System.Text.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Verification;

/// <summary>
/// Reads one device's stored reports and checkpoints back from InfluxDB and rebuilds the messages
/// exactly as they were signed (Points.Kpi says which fields make that possible).
/// </summary>
public sealed class ChainReader(InfluxDbClient influx)
{
    private static readonly HashSet<string> NotKpis = new(StringComparer.Ordinal) { "time", "seq", "site", "device", "scenario", "sector" };

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
            $"SELECT max(\"seq\") FROM {InfluxQl.Identifier(Points.KpiMeasurement)} WHERE {Device(site, device)} AND time < {InfluxQl.TimeLiteral(from)}",
            cancellationToken);
        return result.Series.FirstOrDefault() is { } series ? series.Value(0, "max").GetInt64() : null;
    }

    public async Task<IReadOnlyList<StoredReport>> ReportsAsync(string site, string device, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT * FROM {InfluxQl.Identifier(Points.KpiMeasurement)} WHERE {Device(site, device)} AND {Period(from, to)} GROUP BY \"scenario\"",
            cancellationToken);
        var reports = new List<StoredReport>();
        foreach (var series in result.Series)
        {
            var scenario = series.Tags.GetValueOrDefault("scenario", string.Empty);
            for (var row = 0; row < series.Values.Count; row++)
            {
                reports.Add(ToReport(series, row, site, device, scenario));
            }
        }

        return reports;
    }

    public async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(string site, string device, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT * FROM {InfluxQl.Identifier(Points.CheckpointMeasurement)} WHERE {Device(site, device)} AND {Period(from, to)}",
            cancellationToken);
        return [.. result.Series.SelectMany(series => Enumerable.Range(0, series.Values.Count).Select(row => new Checkpoint
        {
            V = ContractVersion.Current,
            Site = site,
            Device = device,
            Time = LinePoint.FromUnixNanoseconds(series.Value(row, "time").GetInt64()),
            Seq = series.Value(row, "seq").GetInt64(),
            Head = series.Value(row, "head").GetString()!,
            Kid = Text(series.Value(row, "kid")),
            Sig = Text(series.Value(row, "sig")),
        }))];
    }

    private static StoredReport ToReport(InfluxSeries series, int row, string site, string device, string scenario)
    {
        var values = series.Values[row];
        string? Column(string name) => series.Columns.Contains(name) ? Text(series.Value(row, name)) : null;
        var kpis = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < series.Columns.Count; i++)
        {
            var column = series.Columns[i];
            if (values[i].ValueKind == JsonValueKind.Number && !NotKpis.Contains(column) && !Points.ChainFields.Contains(column))
            {
                kpis[column] = values[i].GetDouble();
            }
        }

        var modelName = Column("model_name");
        var report = new KpiReport
        {
            V = ContractVersion.Current,
            Site = site,
            Device = device,
            Scenario = scenario,
            Seq = series.Value(row, "seq").GetInt64(),
            WindowStart = series.Columns.Contains("window_start_ns") && series.Value(row, "window_start_ns") is { ValueKind: JsonValueKind.Number } start
                ? LinePoint.FromUnixNanoseconds(start.GetInt64())
                : default,
            WindowEnd = LinePoint.FromUnixNanoseconds(series.Value(row, "time").GetInt64()),
            Kpis = kpis,
            Model = modelName is null ? null : new ModelInfo(modelName, Column("model_version") ?? string.Empty, Column("model_sha256") ?? string.Empty),
            Prev = Column("prev"),
            Kid = Column("kid"),
            Sig = Column("sig"),
        };
        return new StoredReport(report, Column("hash"));
    }

    private static string? Text(JsonElement cell) => cell.ValueKind == JsonValueKind.String ? cell.GetString() : null;

    private static string Device(string site, string device) =>
        $"\"site\" = {InfluxQl.StringLiteral(site)} AND \"device\" = {InfluxQl.StringLiteral(device)}";

    private static string Period(DateTimeOffset from, DateTimeOffset to) =>
        $"time >= {InfluxQl.TimeLiteral(from)} AND time < {InfluxQl.TimeLiteral(to)}";
}
