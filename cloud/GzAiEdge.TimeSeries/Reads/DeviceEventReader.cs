using GzAiEdge.Contracts.Api;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>The events devices reported, as ingestion stored them.</summary>
public sealed class DeviceEventReader(InfluxDbClient influx)
{
    /// <summary>The device's latest <paramref name="limit"/> events, newest first, optionally only those answering one command.</summary>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now.</exception>
    public async Task<IReadOnlyList<DeviceEventView>> LatestAsync(string site, string device, string? commandId, int limit, CancellationToken cancellationToken)
    {
        var byCommand = commandId is null ? string.Empty : $" AND {Conditions.Is(EventField.CommandId, commandId)}";
        var columns = string.Join(", ", new[] { EventField.Level, EventField.Code, EventField.Message, EventField.CommandId }.Select(InfluxQl.Identifier));
        var result = await influx.QueryAsync(
            $"SELECT {columns} {Conditions.From(Measurement.Event)} WHERE {Conditions.Device(site, device)}{byCommand} ORDER BY time DESC LIMIT {limit}",
            cancellationToken);
        return [.. result.Series.SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(row => new DeviceEventView(
            LinePoint.FromUnixNanoseconds(s.Value(row, Time).GetInt64()),
            s.Value(row, EventField.Level).GetString() ?? string.Empty,
            s.Value(row, EventField.Code).GetString() ?? string.Empty,
            s.Value(row, EventField.Message).GetString() ?? string.Empty,
            s.Columns.Contains(EventField.CommandId) ? s.Value(row, EventField.CommandId).GetString() : null)))];
    }
}
