using System.Text.Json;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>The one figure every run is checked by: <c>SELECT count(seq) FROM kpi</c>.</summary>
public static class InfluxCount
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Task<long> KpiPointsAsync(InfluxDbServer influx) => CountAsync(influx, "SELECT count(seq) FROM kpi");

    /// <summary>Points with a time in [<paramref name="from"/>, <paramref name="to"/>]: a burst's, without scanning the whole measurement.</summary>
    public static Task<long> KpiPointsAsync(InfluxDbServer influx, DateTimeOffset from, DateTimeOffset to) =>
        CountAsync(influx, $"SELECT count(seq) FROM kpi WHERE time >= {Nanoseconds(from)} AND time <= {Nanoseconds(to)}");

    private static long Nanoseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static async Task<long> CountAsync(InfluxDbServer influx, string query)
    {
        var uri = new Uri(influx.BaseAddress, $"query?db={Uri.EscapeDataString(influx.Database)}&q={Uri.EscapeDataString(query)}");
        using var json = JsonDocument.Parse(await Http.GetStringAsync(uri));
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }
}
