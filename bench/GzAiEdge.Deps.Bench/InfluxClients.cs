using System.Text;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using InfluxDB.Client.Api.Domain;
using Microsoft.Extensions.Options;
using InfluxV2Client = InfluxDB.Client.InfluxDBClient;
using InfluxV3Client = InfluxDB3.Client.InfluxDBClient;
using InfluxV3QueryType = InfluxDB3.Client.Query.QueryType;

namespace GzAiEdge.Deps.Bench;

/// <summary>
/// Each InfluxDB client writing one point to, and querying, the InfluxDB the test fixtures start (Debian's 1.6):
/// ours as the control, then InfluxDB.Client in its 1.x compatibility mode and InfluxDB3.Client. Each outcome is
/// recorded as the client reported it; at the end our client counts what landed.
/// </summary>
public static class InfluxClients
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<IReadOnlyList<string>> RunAsync()
    {
        await using var influx = await InfluxDbServer.StartAsync("gzdeps");
        using var ping = await Http.GetAsync(new Uri(influx.BaseAddress, "ping"));
        var version = ping.Headers.TryGetValues("X-Influxdb-Version", out var values) ? string.Join(' ', values) : "?";
        var url = influx.BaseAddress.ToString().TrimEnd('/');
        var ours = new InfluxDbClient(Http, Options.Create(new InfluxDbOptions { BaseAddress = influx.BaseAddress, Database = influx.Database, Timeout = Http.Timeout }));
        var lines = new List<string> { $"InfluxDB {version} (Debian's influxd, started by tests/GzAiEdge.Testing/InfluxDbServer.cs), database {influx.Database}" };

        lines.Add(await TryAsync("GzAiEdge.TimeSeries (ours), line protocol to /write",
            () => ours.WriteAsync(Encoding.UTF8.GetBytes("deps,client=ours value=1\n"), CancellationToken.None)));
        lines.Add(await TryAsync("GzAiEdge.TimeSeries (ours), InfluxQL on /query",
            async () => $"{(await ours.QueryAsync("SELECT count(value) FROM deps", CancellationToken.None)).Series.Count()} series"));

        var v2Name = $"InfluxDB.Client {typeof(InfluxV2Client).Assembly.GetName().Version} (1.x compatibility: url, user, password, database, retention policy)";
        using (var v2 = new InfluxV2Client(url, "", "", influx.Database, "autogen"))
        {
            lines.Add(await TryAsync($"{v2Name}, WriteRecordAsync",
                () => v2.GetWriteApiAsync().WriteRecordAsync("deps,client=influxdb-client value=1", WritePrecision.Ns)));
            lines.Add(await TryAsync($"{v2Name}, Flux QueryAsync",
                async () => $"{(await v2.GetQueryApi().QueryAsync($"from(bucket: \"{influx.Database}/autogen\") |> range(start: -1h)")).Count} tables"));
        }

        var v3Name = $"InfluxDB3.Client {typeof(InfluxV3Client).Assembly.GetName().Version}";
        using (var v3 = new InfluxV3Client(url, token: "unused", database: influx.Database))
        {
            lines.Add(await TryAsync($"{v3Name}, WriteRecordAsync",
                () => v3.WriteRecordAsync("deps,client=influxdb3-client value=1")));
            lines.Add(await TryAsync($"{v3Name}, InfluxQL Query",
                async () => $"{await v3.Query("SELECT count(value) FROM deps", InfluxV3QueryType.InfluxQL).CountAsync()} rows"));
        }

        var stored = await ours.QueryAsync("SELECT count(value) FROM deps GROUP BY client", CancellationToken.None);
        lines.Add($"  points stored in deps afterwards, by client tag: {string.Join(", ", stored.Series.Select(s => $"{s.Tags.GetValueOrDefault("client")}={s.Value(0, "count")}"))}");
        return lines;
    }

    private static Task<string> TryAsync(string what, Func<Task> action) => TryAsync(what, async () =>
    {
        await action();
        return "ok";
    });

    private static async Task<string> TryAsync(string what, Func<Task<string>> action)
    {
        try
        {
            return $"  {what}: {await action().WaitAsync(TimeSpan.FromSeconds(30))}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var inner = ex.GetBaseException();
            var reason = inner == ex ? "" : $" ({inner.GetType().Name}: {OneLine(inner.Message)})";
            return $"  {what}: FAILED {ex.GetType().Name}: {OneLine(ex.Message)}{reason}";
        }
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
