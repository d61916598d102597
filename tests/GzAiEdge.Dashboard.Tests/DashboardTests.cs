using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>The dashboard in a real browser against a running cloud host, fed through the real broker.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class DashboardTests : IClassFixture<CloudHost>, IClassFixture<BrowserSession>
{
    private const string Vitals = "med-yuexiu-vitals";
    private readonly CloudHost _host;
    private readonly BrowserSession _browser;

    public DashboardTests(CloudHost host, BrowserSession browser)
    {
        _host = host;
        _browser = browser;
        // Generous: it guards against a hang; nothing here measures speed.
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task The_overview_shows_the_catalogue_by_sector_in_Chinese_and_the_language_switch_changes_the_labels()
    {
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api);
        await page.GotoAsync("/");

        // One card per scenario of the shipped 100-scenario sample programme.
        await Expect(page.Locator(".card")).ToHaveCountAsync(100);
        await Expect(page.Locator($".card[data-scenario='{Vitals}'] .card-name")).ToHaveTextAsync("越秀病房生命体征监测");
        await Expect(page.Locator(".sector[data-sector='medical'] h2")).ToContainTextAsync("智慧医疗");
        await Expect(page.Locator(".sector")).ToHaveCountAsync(5);
        await Expect(page.Locator(".sector[data-sector='energy'] h2")).ToContainTextAsync("能源环保");
        await Expect(page.Locator("#nav-overview")).ToHaveTextAsync("总览");
        await BrowserSession.ScreenshotAsync(page, "overview-zh");

        await page.ClickAsync("#lang");
        await Expect(page.Locator("#nav-overview")).ToHaveTextAsync("Overview");
        await Expect(page.Locator($".card[data-scenario='{Vitals}'] .card-name")).ToHaveTextAsync("Yuexiu ward vital-sign monitoring");
        await Expect(page.Locator(".sector[data-sector='medical'] h2")).ToContainTextAsync("Smart medical");
        await Expect(page.Locator(".sector[data-sector='energy'] h2")).ToContainTextAsync("Energy and environment");
        await Expect(page.Locator("#lang")).ToHaveTextAsync("中文");
        await BrowserSession.ScreenshotAsync(page, "overview-en");

        await page.ClickAsync("#lang");
        await Expect(page.Locator("#nav-alerts")).ToHaveTextAsync("告警");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_KPI_report_published_to_the_broker_appears_on_the_scenario_chart_without_reload()
    {
        // A device the catalogue lists: ingestion stores only those, and the chart draws what was stored.
        await using var device = await TestDevice.ConnectAsync(_host.Broker, "yuexiu-03", "bed-07", Vitals);
        await device.PublishKpiAsync(Spo2(97.1));
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api);
        await page.GotoAsync($"/#/scenario/{Vitals}");
        var chart = page.Locator(".chart[data-kpi='spo2_mean']");
        await Expect(chart).ToHaveAttributeAsync("data-points", "1");
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open");
        await page.EvaluateAsync("window.gzNotReloaded = true");

        await device.PublishKpiAsync(Spo2(95.5));

        await Expect(chart).ToHaveAttributeAsync("data-points", "2");
        await Expect(chart).ToHaveAttributeAsync("data-last", "95.5");
        Assert.True(await page.EvaluateAsync<bool>("window.gzNotReloaded === true"), "the page was reloaded");
        await Expect(page.Locator("table.devices tr[data-device='yuexiu-03/bed-07']")).ToContainTextAsync("在线");
        await BrowserSession.ScreenshotAsync(page, "scenario-live");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Chart_titles_are_the_KPI_catalogue_labels_in_Chinese_and_in_English()
    {
        // A scenario of its own: another test's reports on the same charts would change their point counts.
        const string Scenario = "med-zengcheng-vitals-07";
        await using var device = await TestDevice.ConnectAsync(_host.Broker, "zengcheng-17", "label-01", Scenario);
        await device.PublishKpiAsync(Spo2(96.8));
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api);
        await page.GotoAsync($"/#/scenario/{Scenario}");
        var heart = MedicalKpis.HeartRateMean;
        var chart = page.Locator($".chart[data-kpi='{heart.Key}']");

        await Expect(chart).ToHaveAttributeAsync("data-title", $"{heart.LabelZh}（{heart.Unit}）");
        await page.ClickAsync("#lang");
        await Expect(page.Locator("#nav-overview")).ToHaveTextAsync("Overview");
        chart = page.Locator($".chart[data-kpi='{heart.Key}']");
        await Expect(chart).ToHaveAttributeAsync("data-title", $"{heart.LabelEn} ({heart.Unit})");
        Assert.NotEqual(heart.Key, await chart.GetAttributeAsync("data-title"));
        await BrowserSession.ScreenshotAsync(page, "scenario-labels-en");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_KPI_beyond_its_threshold_raises_an_alert_that_shows_live_and_can_be_acknowledged()
    {
        await using var device = await TestDevice.ConnectAsync(_host.Broker, "yuexiu-03", "alarm-01", Vitals);
        await device.PublishKpiAsync(Spo2(97.3));
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api);
        await page.GotoAsync($"/#/scenario/{Vitals}");
        await Expect(page.Locator("table.devices tr[data-device='yuexiu-03/alarm-01']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open");

        // The test rules alert on spo2_mean below 92 for 2 consecutive windows.
        await device.PublishKpiAsync(Spo2(86));
        await device.PublishKpiAsync(Spo2(85));

        var row = page.Locator("table.alerts tr.alert-active").Filter(new() { HasText = "yuexiu-03/alarm-01" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".alert-text")).ToContainTextAsync("平均血氧（%） = 85，低于阈值 92");
        await Expect(page.Locator("h1 .chip")).ToHaveTextAsync("告警");
        await BrowserSession.ScreenshotAsync(page, "scenario-alert");

        await row.Locator("button.ack").ClickAsync();
        await Expect(row.Locator(".acked")).ToHaveTextAsync("已确认");
        await device.PublishKpiAsync(Spo2(97));
        await Expect(page.Locator("table.alerts tr.alert-resolved").Filter(new() { HasText = "yuexiu-03/alarm-01" })).ToHaveCountAsync(1);

        await page.ClickAsync("#nav-alerts");
        await page.ClickAsync("#lang");
        var listed = page.Locator("table.alerts tr").Filter(new() { HasText = "yuexiu-03/alarm-01" });
        await Expect(listed.Locator(".alert-text")).ToHaveTextAsync("Mean SpO2 (%) = 85, below threshold 92");
        await Expect(listed).ToContainTextAsync("Resolved");
        await BrowserSession.ScreenshotAsync(page, "alerts-en");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_device_page_shows_state_heartbeat_outbox_model_and_events_and_the_scenario_page_fits_a_tablet()
    {
        await using var device = await TestDevice.ConnectAsync(_host.Broker, "yuexiu-03", "page-01", Vitals);
        await device.PublishKpiAsync(Spo2(96.4), new ModelInfo("vitals-cls", "2.0.1", new string('b', 64)));
        await device.HeartbeatAsync(outboxDepth: 3, new DeviceHealth
        {
            CpuProcessPercent = 37.5,
            CpuSystemPercent = 41.2,
            CpuCores = 4,
            DiskFreeBytes = 20_000_000_000,
            DiskTotalBytes = 64_000_000_000,
            Temperatures = new Dictionary<string, double> { ["cpu"] = 51.3 },
        });
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api);
        await page.GotoAsync("/#/device/yuexiu-03/page-01");
        var facts = page.Locator(".facts").First;
        await Expect(facts).ToContainTextAsync("vitals-cls 2.0.1");
        await Expect(facts).ToContainTextAsync("在线");
        var health = page.Locator("#device-health");
        await Expect(health).ToContainTextAsync("进程 37.5 %，系统 41.2 %（4 核）");
        await Expect(health).ToContainTextAsync("cpu 51.3 °C");
        await Expect(health).ToContainTextAsync("可用 20 GB / 共 64 GB");

        await device.EventAsync("warning", "camera.reconnected", "camera stream came back after 2 s");
        await Expect(page.Locator("tr.level-warning")).ToContainTextAsync("camera.reconnected");
        await BrowserSession.ScreenshotAsync(page, "device");

        var (tablet, tabletErrors) = await _browser.SignedInPageAsync(_host.Api, width: 768, height: 1024);
        await tablet.GotoAsync($"/#/scenario/{Vitals}");
        await Expect(tablet.Locator(".chart[data-kpi='spo2_mean']")).ToHaveCountAsync(1);
        var width = await tablet.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 768, $"the scenario page is {width} px wide on a 768 px tablet");
        await BrowserSession.ScreenshotAsync(tablet, "scenario-tablet");
        Assert.Empty(errors);
        Assert.Empty(tabletErrors);
    }

    [Fact]
    public async Task The_scenario_page_shows_its_scored_KPIs_with_their_kind_first_then_its_audits_then_charts_only_of_what_its_devices_report()
    {
        // The alert rules of traffic-flow name mean_speed_kmh, which no pipeline measures: it gets no chart.
        const string Scenario = "traffic-tianhe-flow";
        await using var device = await TestDevice.ConnectAsync(_host.Broker, "tianhe-01", "cam-01", Scenario);
        await device.PublishKpiAsync(new Dictionary<string, double>
        {
            ["vehicle_count"] = 12,
            ["inference_p95_ms"] = 4.2,
            ["input_processed_share"] = 1,
            ["detection_precision"] = 0.97,
        });
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api);
        await page.GotoAsync($"/#/scenario/{Scenario}");

        var scored = page.Locator("table.scored tbody tr");
        await Expect(scored).ToHaveCountAsync(8);
        var recall = page.Locator("table.scored tr[data-kpi='audit_detection_recall']");
        await Expect(recall.Locator("td").First).ToHaveTextAsync(AccuracyKpis.DetectionRecall.LabelZh);
        await Expect(recall.Locator(".chip")).ToHaveTextAsync("准确性 · 审计");
        await Expect(page.Locator("table.scored tr[data-kpi='uptime'] .chip")).ToHaveTextAsync("服务");
        await Expect(page.Locator("table.scored tr[data-kind='monitoring'], table.scored tr[data-kind='diagnostic']")).ToHaveCountAsync(0);
        await Expect(page.Locator("table.audits tr[data-device='tianhe-01/cam-01']")).ToContainTextAsync("评估期内无有效审计");

        await Expect(page.Locator("#monitoring-charts .chart[data-kpi='vehicle_count']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#reported-charts .chart[data-kpi='detection_precision']")).ToHaveAttributeAsync("data-kind", "diagnostic");
        await Expect(page.Locator("#reported-charts .chart[data-kpi='inference_p95_ms']")).ToHaveAttributeAsync("data-points", "1");
        await Expect(page.Locator(".chart[data-kpi='mean_speed_kmh']")).ToHaveCountAsync(0);
        var order = await page.EvaluateAsync<double[]>(
            "['#scored', '#audits', '#monitoring-charts', '#reported-charts'].map((s) => document.querySelector(s).getBoundingClientRect().top)");
        Assert.Equal(order.Order(), order);
        await BrowserSession.ScreenshotAsync(page, "scenario-scored-zh");

        await page.ClickAsync("#lang");
        await Expect(page.Locator("#nav-overview")).ToHaveTextAsync("Overview");
        recall = page.Locator("table.scored tr[data-kpi='audit_detection_recall']");
        await Expect(recall.Locator("td").First).ToHaveTextAsync(AccuracyKpis.DetectionRecall.LabelEn);
        await Expect(recall.Locator(".chip")).ToHaveTextAsync("accuracy · audit");
        await Expect(page.Locator("table.audits tr[data-device='tianhe-01/cam-01']")).ToContainTextAsync("No valid audit in the period");
        await BrowserSession.ScreenshotAsync(page, "scenario-scored-en");
        Assert.Empty(errors);
    }

    private static Dictionary<string, double> Spo2(double spo2) => new() { ["spo2_mean"] = spo2, ["heart_rate_mean"] = 76 };
}
