using GzAiEdge.Contracts.Messages;
using GzAiEdge.Monitoring.Live;

namespace GzAiEdge.Monitoring.Tests.Live;

public sealed class DeviceRegistryTests
{
    private readonly DeviceRegistry _registry = new();

    [Fact]
    public void A_device_is_known_from_its_first_message_with_state_heartbeat_and_report_merged()
    {
        Assert.Null(_registry.Find("site-1", "cam-01"));

        var first = _registry.OnHeartbeat(Heartbeat("cam-01", outboxDepth: 7));
        _registry.OnKpi(Reports.Kpi("flow", "cam-01", 1, new Dictionary<string, double> { ["mean_speed_kmh"] = 40 }) with { Model = new ModelInfo("det", "1.2", "") });
        _registry.OnHeartbeat(Heartbeat("cam-01", outboxDepth: null));
        var device = _registry.OnState(Reports.State("cam-01", DeviceState.Online));

        Assert.Equal(DeviceRegistry.Unknown, first.State);
        Assert.Equal((DeviceState.Online, "flow", "det", "1.2", 7L), (device.State, device.Scenario, device.ModelName, device.ModelVersion, device.OutboxDepth!.Value));
        Assert.Equal(42, device.UptimeSeconds);
        Assert.Equal(device, _registry.Find("site-1", "cam-01"));
    }

    [Fact]
    public void A_redelivered_or_older_report_neither_counts_again_nor_replaces_the_latest_KPIs()
    {
        foreach (var (seq, value) in new[] { (1L, 10.0), (2, 20), (2, 20), (4, 40), (3, 30) })
        {
            _registry.OnKpi(Reports.Kpi("flow", "cam-01", seq, new Dictionary<string, double> { ["mean_speed_kmh"] = value }));
        }

        var device = _registry.Find("site-1", "cam-01")!;

        // Seq 1, 2 and 4 count; 3 arrived after 4 (a replay), so it is not a new highest seq.
        Assert.Equal(3, device.ReportsReceived);
        Assert.Equal(3 / 4.0, device.Completeness);
        Assert.Equal(40, device.LatestKpis!["mean_speed_kmh"]);
        Assert.Equal(Reports.T0.AddSeconds(4), device.LastReport);
    }

    [Fact]
    public void Devices_are_listed_by_site_then_device()
    {
        foreach (var (site, device) in new[] { ("b", "cam-01"), ("a", "cam-02"), ("a", "cam-01") })
        {
            _registry.OnState(Reports.State(device, DeviceState.Offline, site));
        }

        Assert.Equal([("a", "cam-01"), ("a", "cam-02"), ("b", "cam-01")], _registry.All().Select(d => (d.Site, d.Device)));
        Assert.All(_registry.All(), d => Assert.Null(d.Completeness));
    }

    private static Heartbeat Heartbeat(string device, long? outboxDepth) => new()
    {
        V = ContractVersion.Current,
        Site = "site-1",
        Device = device,
        Time = Reports.T0,
        UptimeSeconds = 42,
        LastSeq = 1,
        OutboxDepth = outboxDepth,
    };
}
