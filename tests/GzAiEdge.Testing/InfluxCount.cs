using System.Text.Json;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Testing;

/// <summary>
/// What a test InfluxDB holds: the one figure every bench run is checked by, <c>SELECT count(seq) FROM kpi</c>, and, while a
/// burst drains, the points its HTTP API has accepted so far (a counter, so that watching it every few
/// milliseconds costs InfluxDB next to nothing, where a count query scans the points each time).
/// </summary>
public static class InfluxCount
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Points in the <c>kpi</c> measurement (<see cref="KpiReader.CountAsync"/>; 0 before the first).</summary>
    public static Task<long> KpiPointsAsync(InfluxDbServer influx) =>
        new KpiReader(new InfluxDbClient(Http, Options.Create(new InfluxDbOptions
        {
            BaseAddress = influx.BaseAddress,
            Database = influx.Database,
            Timeout = Http.Timeout,
        }))).CountAsync(CancellationToken.None);

    /// <summary>Points written through /write since the server started (httpd pointsWrittenOK of /debug/vars).</summary>
    public static async Task<long> WrittenPointsAsync(InfluxDbServer influx)
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync(new Uri(influx.BaseAddress, "debug/vars")));
        return json.RootElement.EnumerateObject().Where(p => p.Name.StartsWith("httpd", StringComparison.Ordinal))
            .Sum(p => p.Value.GetProperty("values").GetProperty("pointsWrittenOK").GetInt64());
    }
}
