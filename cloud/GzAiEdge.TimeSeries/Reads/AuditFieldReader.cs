using System.Text.Json;
using GzAiEdge.Scenarios.Kpis;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// What an audit's integrity checks read of a device's field data: the model and the inference p95 of each report in a
/// period (was the audited model the one in the field, and was its latency there like the audit's), and the device's
/// last reported state (was it offline when its part ran out).
/// </summary>
public sealed class AuditFieldReader(InfluxDbClient influx)
{
    private static readonly string P95 = ServiceKpis.InferenceP95Ms.Key;

    /// <summary>The device's reports whose window ended in [from, to): each one's model SHA-256 and inference p95 (null when it reported none).</summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    public async Task<IReadOnlyList<FieldReport>> ReportsAsync(string site, string device, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", new[] { KpiField.ModelSha256, KpiField.ModelName, KpiField.ModelVersion, P95 }.Select(InfluxQl.Identifier));
        var result = await influx.QueryAsync(
            $"SELECT {columns} {Conditions.From(Measurement.Kpi)} WHERE {Conditions.Device(site, device)} AND {Conditions.Period(from, to)}", cancellationToken);
        return [.. result.Series.SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(row => new FieldReport(
            LinePoint.FromUnixNanoseconds(s.Value(row, Time).GetInt64()),
            Text(s, row, KpiField.ModelSha256),
            Text(s, row, KpiField.ModelName),
            Text(s, row, KpiField.ModelVersion),
            s.Columns.Contains(P95) && s.Value(row, P95) is { ValueKind: JsonValueKind.Number } p95
                ? p95.GetDouble()
                : null)))];
    }

    /// <summary>The device's last reported state (<c>online</c>, <c>offline</c>) at or before <paramref name="at"/>, or null when it never reported one.</summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    public async Task<string?> LastStateAsync(string site, string device, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT {InfluxQl.Identifier(StateField.State)} {Conditions.From(Measurement.State)} WHERE {Conditions.Device(site, device)} AND time <= {InfluxQl.TimeLiteral(at)} ORDER BY time DESC LIMIT 1",
            cancellationToken);
        return result.Series.FirstOrDefault() is { Values.Count: > 0 } s ? s.Value(0, StateField.State).GetString() : null;
    }

    private static string? Text(InfluxSeries series, int row, string column) =>
        series.Columns.Contains(column) && series.Value(row, column) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}

/// <summary>One stored field report as the audit checks read it: when its window ended, its model and its inference p95.</summary>
public sealed record FieldReport(DateTimeOffset WindowEnd, string? ModelSha256, string? ModelName, string? ModelVersion, double? InferenceP95Ms);
