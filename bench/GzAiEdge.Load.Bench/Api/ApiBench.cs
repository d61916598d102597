using System.Diagnostics;
using System.Globalization;
using System.Text;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Load.Bench.Support;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Load.Bench.Api;

/// <summary>
/// <c>./gz bench api</c>: what signing in costs a read. <c>GET /api/v1/kpis/latest</c> answered by two hosts in this
/// process that are the same (Kestrel, the KPI read model on one InfluxDB, the same JSON) but for the access layer:
/// one maps the read anonymously (the peer), the other with the cloud's own AddAccess/UseAccess, its policy and its
/// scope filter, called with an admin's token (nothing filtered) and with a provider's (filtered to their scenarios).
/// Requests go one at a time, so each is a latency; the sides take turns, run by run. Medians of each run's p50 and p95.
/// </summary>
public static class ApiBench
{
    public static async Task<int> RunAsync(int requests, int runs, int devices, TextWriter output)
    {
        using var folder = new TempFolder("gz-bench-api");
        await using var influx = await InfluxDbServer.StartAsync();
        await SeedAsync(influx, devices);
        var admin = CloudAccounts.AdminToken(folder);
        var provider = CloudAccounts.Add(folder, new AccountSpec("bench-provider", [Roles.Provider], ReadHost.ProviderOfFirstScenario(), []));
        await using var open = await ReadHost.StartAsync(influx, folder, withAccess: false);
        await using var guarded = await ReadHost.StartAsync(influx, folder, withAccess: true);
        var sides = new (string Name, Uri Api, string? Token)[]
        {
            ("without authentication (peer)", open.Address, null),
            ("admin token", guarded.Address, admin),
            ("provider token (scoped)", guarded.Address, provider),
        };
        output.WriteLine($"GET /api/v1/kpis/latest, {devices} devices in InfluxDB, {requests} requests per run one at a time, {runs} runs per side (interleaved)");
        var results = sides.ToDictionary(s => s.Name, _ => new List<(double P50, double P95)>());
        foreach (var side in sides)
        {
            await MeasureAsync(side.Api, side.Token, Math.Min(200, requests));
        }

        for (var run = 0; run < runs; run++)
        {
            foreach (var side in sides)
            {
                results[side.Name].Add(await MeasureAsync(side.Api, side.Token, requests));
            }
        }

        var peer = Median.Of(results[sides[0].Name].Select(r => r.P95));
        var table = new TextTable("side", "p50 ms", "p95 ms", "p95 / peer");
        foreach (var side in sides)
        {
            var p95 = Median.Of(results[side.Name].Select(r => r.P95));
            table.Add(side.Name, F(Median.Of(results[side.Name].Select(r => r.P50))), F(p95), (p95 / peer).ToString("0.00", CultureInfo.InvariantCulture));
        }

        table.Print(output);
        return 0;
    }

    private static async Task<(double P50, double P95)> MeasureAsync(Uri api, string? token, int requests)
    {
        using var http = token is null ? new HttpClient { BaseAddress = api } : CloudAccounts.Client(api, token);
        var times = new double[requests];
        var clock = new Stopwatch();
        for (var i = 0; i < requests; i++)
        {
            clock.Restart();
            using var response = await http.GetAsync(new Uri("/api/v1/kpis/latest", UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            times[i] = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode || body.Length < 10)
            {
                throw new InvalidOperationException($"{api} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            }
        }

        Array.Sort(times);
        return (times[requests / 2], times[(int)Math.Ceiling(requests * 0.95) - 1]);
    }

    // The latest report of each device, spread over the catalogue's first scenarios.
    private static async Task SeedAsync(InfluxDbServer influx, int devices)
    {
        var scenarios = ReadHost.Catalogue().All.Take(10).ToList();
        var lines = new StringBuilder();
        var now = DateTimeOffset.UtcNow;
        for (var d = 0; d < devices; d++)
        {
            var s = scenarios[d % scenarios.Count];
            lines.Append(CultureInfo.InvariantCulture, $"kpi,site=bench-{d % 7},device=dev-{d},scenario={s.Id},sector={s.SectorTag} seq={d + 1}i,samples=10,inference_p95_ms={d % 13}.5 ")
                .Append(LinePoint.ToUnixNanoseconds(now.AddSeconds(-d))).Append('\n');
        }

        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = influx.BaseAddress, Database = influx.Database }));
        await client.WriteAsync(Encoding.UTF8.GetBytes(lines.ToString()), CancellationToken.None);
    }

    private static string F(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);
}
