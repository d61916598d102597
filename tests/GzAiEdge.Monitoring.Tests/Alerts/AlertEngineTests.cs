using GzAiEdge.Contracts.Messages;
using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.Monitoring.Tests.Alerts;

/// <summary>The alert engine on a fake clock, with the real store, publisher and live hub.</summary>
public sealed class AlertEngineTests : IDisposable
{
    private const string Rules = """
        types:
          vital-signs-monitoring:
            offlineSeconds: 30
            kpis:
              - { kpi: spo2_mean, below: 92, windows: 3 }
          traffic-flow:
            completenessBelow: 0.9
            kpis:
              - { kpi: mean_speed_kmh, below: 5, windows: 3 }
        """;

    private static readonly ScenarioCatalogue Catalogue = new(
    [
        new Scenario("vitals", Sector.Medical, "vital-signs-monitoring", "病房", "Ward"),
        new Scenario("flow", Sector.Traffic, "traffic-flow", "路口", "Junction"),
    ]);

    private readonly FakeTimeProvider _time = new(Reports.T0);
    private readonly TempFolder _folder = new("gz-alert-engine");
    private readonly SqliteAlertStore _store;
    private readonly LiveHub _hub = new();
    private readonly LiveHub.Subscription _stream;
    private readonly AlertPublisher _publisher;
    private readonly DeviceRegistry _registry = new();

    public AlertEngineTests()
    {
        _store = new SqliteAlertStore(_folder.File("alerts.db"));
        _publisher = new AlertPublisher(_hub, NullLogger<AlertPublisher>.Instance);
        _stream = _hub.Subscribe();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_KPI_beyond_its_threshold_for_N_consecutive_windows_raises_one_alert_which_resolves_when_it_recovers()
    {
        var engine = Engine();
        var seq = 0;
        foreach (var spo2 in new[] { 85.0, 86 })
        {
            await KpiAsync(engine, "vitals", "bed-01", ++seq, spo2);
        }

        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(5));
        await KpiAsync(engine, "vitals", "bed-01", ++seq, 84);
        await KpiAsync(engine, "vitals", "bed-01", ++seq, 83);
        var raised = Assert.Single(await _store.ActiveAsync(CancellationToken.None));
        Assert.Equal(("vital-signs-monitoring/spo2_mean/below", 84.0, 92.0, Reports.T0.AddSeconds(5)), (raised.Rule, raised.Value!.Value, raised.Threshold!.Value, raised.RaisedAt));
        Assert.Equal("spo2_mean = 84 below 92 for 3 consecutive windows on site-1/bed-01", raised.Message);

        _time.Advance(TimeSpan.FromSeconds(7));
        await KpiAsync(engine, "vitals", "bed-01", ++seq, 96);

        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
        var changes = Delivered();
        Assert.Equal([(raised.Id, true), (raised.Id, false)], changes.Select(a => (a.Id, a.Active)));
        Assert.Equal(Reports.T0.AddSeconds(12), changes[1].ResolvedAt);
        Assert.Equal([LiveEvent.Alert, LiveEvent.Alert], Streamed().Select(e => e.Type));
    }

    [Fact]
    public async Task A_window_within_the_threshold_starts_the_count_again()
    {
        var engine = Engine();
        var seq = 0;
        foreach (var spo2 in new[] { 85.0, 85, 95, 85, 85 })
        {
            await KpiAsync(engine, "vitals", "bed-01", ++seq, spo2);
        }

        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
        await KpiAsync(engine, "vitals", "bed-01", ++seq, 85);
        Assert.Single(await _store.ActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_device_offline_longer_than_offlineSeconds_raises_one_alert_which_its_return_resolves()
    {
        var engine = Engine();
        await KpiAsync(engine, "vitals", "bed-02", 1, 97);
        await engine.OnStateAsync(_registry.OnState(Reports.State("bed-02", DeviceState.Offline)), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(29));
        await engine.CheckOfflineAsync(CancellationToken.None);
        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(1));
        await engine.CheckOfflineAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await engine.CheckOfflineAsync(CancellationToken.None);
        var raised = Assert.Single(await _store.ActiveAsync(CancellationToken.None));
        Assert.Equal((AlertKinds.Offline, "vital-signs-monitoring/offline", 30.0, 30.0), (raised.Kind, raised.Rule, raised.Value!.Value, raised.Threshold!.Value));
        Assert.Equal(Reports.T0.AddSeconds(30), raised.RaisedAt);

        await engine.OnStateAsync(_registry.OnState(Reports.State("bed-02", DeviceState.Online)), CancellationToken.None);
        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
        Assert.Equal([true, false], Delivered().Select(a => a.Active));
    }

    [Fact]
    public async Task Offline_time_counts_from_when_the_cloud_learned_it_and_a_repeated_offline_does_not_restart_it()
    {
        var engine = Engine();
        await KpiAsync(engine, "vitals", "bed-03", 1, 97);
        await engine.OnStateAsync(_registry.OnState(Reports.State("bed-03", DeviceState.Offline)), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        await engine.OnStateAsync(_registry.OnState(Reports.State("bed-03", DeviceState.Offline)), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        await engine.CheckOfflineAsync(CancellationToken.None);

        Assert.Single(await _store.ActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Completeness_below_the_rule_raises_only_after_ten_reports_and_resolves_when_it_recovers()
    {
        var engine = Engine();
        var seq = 0L;
        for (var i = 0; i < 9; i++)
        {
            seq += 2;
            await KpiAsync(engine, "flow", "cam-01", seq, 40, kpi: "mean_speed_kmh");
        }

        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
        seq += 2;
        await KpiAsync(engine, "flow", "cam-01", seq, 40, kpi: "mean_speed_kmh");
        var raised = Assert.Single(await _store.ActiveAsync(CancellationToken.None));
        Assert.Equal((AlertKinds.Completeness, 10 / 19.0, 0.9), (raised.Kind, raised.Value!.Value, raised.Threshold!.Value));

        for (var i = 0; i < 200; i++)
        {
            await KpiAsync(engine, "flow", "cam-01", ++seq, 40, kpi: "mean_speed_kmh");
        }

        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_alert_active_before_a_restart_is_resolved_by_the_next_engine_not_raised_again()
    {
        var before = Engine();
        for (var seq = 1; seq <= 3; seq++)
        {
            await KpiAsync(before, "vitals", "bed-04", seq, 80);
        }

        var raised = Assert.Single(await _store.ActiveAsync(CancellationToken.None));
        var after = Engine();
        for (var seq = 4; seq <= 6; seq++)
        {
            await KpiAsync(after, "vitals", "bed-04", seq, 80);
        }

        Assert.Equal(raised.Id, Assert.Single(await _store.ActiveAsync(CancellationToken.None)).Id);
        await KpiAsync(after, "vitals", "bed-04", 7, 97);
        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
        Assert.Equal([(raised.Id, true), (raised.Id, false)], Delivered().Select(a => (a.Id, a.Active)));
    }

    [Fact]
    public async Task A_device_over_its_quota_raises_one_alert_under_its_scenario_which_resolves_when_it_is_back_within_it()
    {
        var engine = Engine();
        await KpiAsync(engine, "flow", "cam-07", 1, 40, "mean_speed_kmh");
        var known = _registry.Find("site-1", "cam-07");

        await engine.OnQuotaAsync("site-1", "cam-07", known, "quota: over the 50 messages per second", CancellationToken.None);
        await engine.OnQuotaAsync("site-1", "cam-07", known, "quota: over the 50 messages per second", CancellationToken.None);
        var raised = Assert.Single(await _store.ActiveAsync(CancellationToken.None));
        await engine.OnQuotaAsync("site-1", "cam-07", known, null, CancellationToken.None);

        Assert.Equal((AlertEngine.QuotaRule, AlertKinds.Quota, "flow", "cam-07"), (raised.Rule, raised.Kind, raised.Scenario, raised.Device));
        Assert.Contains("over its quota", raised.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
        Assert.Equal([(raised.Id, true), (raised.Id, false)], Delivered().Select(a => (a.Id, a.Active)));
    }

    [Fact]
    public async Task Off_or_for_a_scenario_not_in_the_catalogue_nothing_is_raised()
    {
        var off = Engine(enabled: false);
        var on = Engine();
        for (var seq = 1; seq <= 5; seq++)
        {
            await KpiAsync(off, "vitals", "bed-05", seq, 80);
            await KpiAsync(on, "unlisted", "bed-06", seq, 80);
        }

        await off.OnStateAsync(_registry.OnState(Reports.State("bed-05", DeviceState.Offline)), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await off.CheckOfflineAsync(CancellationToken.None);

        Assert.Empty(await _store.ActiveAsync(CancellationToken.None));
        Assert.Empty(Delivered());
    }

    private AlertEngine Engine(bool enabled = true) => new(
        AlertRulesLoader.Parse(new StringReader(Rules), "rules.yaml"), Catalogue, _store, _publisher, _time,
        Options.Create(new AlertOptions { Enabled = enabled }));

    private Task KpiAsync(AlertEngine engine, string scenario, string device, long seq, double value, string kpi = "spo2_mean")
    {
        var report = Reports.Kpi(scenario, device, seq, new Dictionary<string, double> { [kpi] = value });
        return engine.OnKpiAsync(report, _registry.OnKpi(report), CancellationToken.None);
    }

    private List<AlertView> Delivered()
    {
        var alerts = new List<AlertView>();
        while (_publisher.Pending.TryRead(out var alert))
        {
            alerts.Add(alert);
        }

        return alerts;
    }

    private List<LiveEvent> Streamed()
    {
        var events = new List<LiveEvent>();
        while (_stream.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }
}
