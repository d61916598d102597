using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;
using static Microsoft.Playwright.Assertions;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>
/// The evaluators' leaderboard page in a real browser against a running cloud host: each place with its score interval,
/// ties explained, and the benchmark selection saying how each place was chosen and which tie across the cut it won.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class LeaderboardDashboardTests : IClassFixture<CloudHost>, IClassFixture<BrowserSession>
{
    private readonly CloudHost _host;
    private readonly BrowserSession _browser;

    public LeaderboardDashboardTests(CloudHost host, BrowserSession browser)
    {
        (_host, _browser) = (host, browser);
        SetDefaultExpectTimeout(60_000);
    }

    [Fact]
    public async Task The_leaderboard_shows_score_intervals_ties_and_why_each_benchmark_place_was_chosen()
    {
        // Two scenarios of one type (traffic-flow) with the same service from their one listed device each score the same; a
        // third of another sector ranks apart. Over one short period their gates pass (ten reports, none lost); every other scenario has no data
        // in it and fails one, so only these three are ranked.
        var from = DateTimeOffset.UtcNow.AddSeconds(-30);
        var kpis = new Dictionary<string, double> { ["inference_p95_ms"] = 80, ["input_processed_share"] = 1, ["vehicle_count"] = 3 };
        foreach (var (site, device, scenario) in new[] { ("huangpu-22", "cam-01", "traffic-huangpu-flow-12"), ("tianhe-11", "cam-01", "traffic-tianhe-flow-01"), ("tianhe-39", "ward-01", "med-tianhe-vitals-29") })
        {
            await using var d = await TestDevice.ConnectAsync(_host.Broker, site, device, scenario);
            for (var i = 0; i < 10; i++)
            {
                await d.PublishKpiAsync(kpis);

                // Apart in time: two reports of a device with the same window end would be one point in InfluxDB.
                await Task.Delay(150);
            }
        }

        var url = $"/#/leaderboard?from={from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}&to={from.AddSeconds(60).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}";
        // The leaderboard is an expensive, rate-limited request: open it once, after ingestion stored all thirty reports.
        using var influx = new HttpClient { BaseAddress = _host.Influx.BaseAddress };
        await _host.WaitForAsync(async () => (await influx.GetStringAsync($"/query?db={_host.Influx.Database}&q=SELECT+count(seq)+FROM+kpi")).Contains(",30]", StringComparison.Ordinal),
            () => $"ingestion to store the thirty reports: {influx.GetStringAsync($"/query?db={_host.Influx.Database}&q=SELECT+count(seq)+FROM+kpi+GROUP+BY+scenario").Result}");
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api);
        await Expect(page.Locator("#nav-leaderboard")).ToBeVisibleAsync();
        await page.GotoAsync(url);
        var places = page.Locator("table.leaderboard tbody tr");
        await Expect(places).ToHaveCountAsync(3);
        await Expect(places.First).ToHaveAttributeAsync("data-rank", "1");
        await Expect(places.First.Locator(".score-cell")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d+)? \[\d+(\.\d+)?, \d+(\.\d+)?\]$"));
        var tied = page.Locator("table.leaderboard tr[data-scenario='traffic-huangpu-flow-12'] .tie");
        await Expect(tied).ToContainTextAsync("tied on score");
        await Expect(tied).ToContainTextAsync("with traffic-tianhe-flow-01");
        await Expect(page.Locator("table.benchmarks tr[data-scenario='med-tianhe-vitals-29'] .selection")).ToHaveTextAsync("入选: best of sector medical");
        await Expect(page.Locator("table.benchmarks tbody tr")).ToHaveCountAsync(3);
        await BrowserSession.ScreenshotAsync(page, "leaderboard-zh");

        await page.ClickAsync("#lang");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Leaderboard (draft, not published)");
        await Expect(page.Locator("table.benchmarks tr[data-scenario='med-tianhe-vitals-29'] .selection")).ToHaveTextAsync("Selected: best of sector medical");
        Assert.Empty(errors);
    }
}
