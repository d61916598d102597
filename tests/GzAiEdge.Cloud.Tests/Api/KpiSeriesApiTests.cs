using System.Globalization;
using System.Text;
using System.Text.Json;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Tests.Api;

/// <summary>Downsampling by InfluxDB: windows written straight to InfluxDB come back as bucket aggregates.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class KpiSeriesApiTests(InProcessCloudWithInflux host) : IClassFixture<InProcessCloudWithInflux>
{
    // 120 one-second windows with value i at t0 + i s; t0 on a minute boundary, so 10 s buckets hold
    // i = 10k .. 10k + 9 exactly (InfluxDB aligns GROUP BY time buckets to the epoch).
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_two_minute_range_asked_for_in_12_points_comes_back_as_12_ten_second_means()
    {
        await WriteWindowsAsync("series-mean");

        var answer = await host.GetAsync($"/api/v1/kpis/series?scenario=series-mean&kpis=spo2_mean,heart_rate_mean&from={Iso(T0)}&to={Iso(T0.AddMinutes(2))}&points=12");

        Assert.Equal(10, answer.GetProperty("bucketSeconds").GetInt64());
        var spo2 = answer.GetProperty("series").GetProperty("spo2_mean").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(k => (10 * k) + 4.5), spo2.Select(p => p.GetProperty("value").GetDouble()));
        Assert.Equal(Enumerable.Range(0, 12).Select(k => T0.AddSeconds(10 * k)), spo2.Select(p => p.GetProperty("time").GetDateTimeOffset()));
        var heart = answer.GetProperty("series").GetProperty("heart_rate_mean").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(k => 2 * ((10 * k) + 4.5)), heart.Select(p => p.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Other_aggregations_and_a_device_filter_are_applied_by_InfluxDB()
    {
        await WriteWindowsAsync("series-max");

        var max = await host.GetAsync($"/api/v1/kpis/series?scenario=series-max&kpis=spo2_mean&from={Iso(T0)}&to={Iso(T0.AddMinutes(2))}&points=4&agg=max");
        Assert.Equal([29.0, 59, 89, 119], max.GetProperty("series").GetProperty("spo2_mean").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));

        var none = await host.GetAsync($"/api/v1/kpis/series?scenario=series-max&device=other&kpis=spo2_mean&from={Iso(T0)}&to={Iso(T0.AddMinutes(2))}");
        Assert.Empty(none.GetProperty("series").GetProperty("spo2_mean").EnumerateArray());
    }

    private async Task WriteWindowsAsync(string scenario)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 120; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"kpi,site=s1,device=d1,scenario={scenario},sector=medical spo2_mean={i}.0,heart_rate_mean={2 * i}.0 ")
                .Append(LinePoint.ToUnixNanoseconds(T0.AddSeconds(i))).Append('\n');
        }

        using var http = new HttpClient();
        var influx = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = host.Influx!.BaseAddress, Database = host.Influx.Database }));
        await influx.WriteAsync(Encoding.UTF8.GetBytes(lines.ToString()), CancellationToken.None);
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));
}

/// <summary>A broken alert rules file stops the cloud at start, naming file, line and what is wrong.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class AlertRulesStartupTests
{
    [Fact]
    public async Task A_cloud_with_a_broken_rules_file_exits_2_naming_file_and_line()
    {
        using var folder = new TempFolder("gz-badrules");
        var rules = folder.File("rules.yaml");
        await File.WriteAllTextAsync(rules, "types:\n  traffic-flow:\n    kpis:\n      - kpi: mean_speed_kmh\n        windws: 3\n        below: 20\n      - kpi: Speed\n        above: 1\n      - kpi: queue_length\n        above: 1\n");
        await using var cloud = GzProcesses.StartCloud(folder, "--urls", $"http://127.0.0.1:{FreePort.Next()}",
            $"--Catalogue:Path={RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml")}", $"--Alerts:RulesPath={rules}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await cloud.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, cloud.ExitCode);
        Assert.Contains($"{rules}:5: unknown key 'windws' in a KPI rule", cloud.Output, StringComparison.Ordinal);
        Assert.Contains($"{rules}:7: kpi 'Speed' is not a KPI key", cloud.Output, StringComparison.Ordinal);
        Assert.Contains($"{rules}:9: kpi 'queue_length' is not in the KPI catalogue", cloud.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(cloud.Output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
