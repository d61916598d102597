using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Monitoring.Tests;

/// <summary>Messages as devices send them, for the direct tests of the live feed and alerts.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static KpiReport Kpi(string scenario, string device, long seq, IReadOnlyDictionary<string, double> kpis, string site = "site-1") => new()
    {
        V = ContractVersion.Current,
        Site = site,
        Device = device,
        Scenario = scenario,
        Seq = seq,
        WindowStart = T0.AddSeconds(seq - 1),
        WindowEnd = T0.AddSeconds(seq),
        Kpis = kpis,
    };

    public static DeviceState State(string device, string state, string site = "site-1") => new()
    {
        V = ContractVersion.Current,
        Site = site,
        Device = device,
        State = state,
        Time = T0,
    };
}
