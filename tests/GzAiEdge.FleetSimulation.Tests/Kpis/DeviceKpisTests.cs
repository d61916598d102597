using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.FleetSimulation.Kpis;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.FleetSimulation.Tests.Kpis;

public sealed class DeviceKpisTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void Every_scenario_of_the_catalogue_gets_valid_reports_of_catalogue_keys_with_its_device_reported_rubric_kpis_and_ordered_latencies()
    {
        var programme = Programmes.Catalogue;
        foreach (var scenario in programme.Catalogue.All)
        {
            var kpis = new DeviceKpis(programme, scenario, 7, Window, Start);
            for (var second = 1; second <= 60; second++)
            {
                var now = Start.AddSeconds(second);
                if (now >= kpis.WindowEnd)
                {
                    var (from, to, values) = kpis.Close();
                    var report = new KpiReport { V = 1, Site = "s", Device = "d", Scenario = scenario.Id, Seq = 1, WindowStart = from, WindowEnd = to, Kpis = values };
                    Assert.Empty(KpiReportValidator.Validate(report));
                    Assert.InRange(values.Count, 9, 13);

                    // What the cloud computes (uptime, audit results) is never a device's to report.
                    Assert.All(programme.RubricFor(scenario), k => Assert.True(values.ContainsKey(k.Key) != k.Definition!.ComputedByPlatform, $"{scenario.Id}: {k.Key}"));
                    Assert.All(values.Keys, key => Assert.True(KpiCatalogue.Find(key) is not null, $"{scenario.Id}: {key} is not in the KPI catalogue"));
                    Assert.True(values["inference_p50_ms"] <= values["inference_p95_ms"] && values["inference_p95_ms"] <= values["inference_p99_ms"], scenario.Id);
                    Assert.Equal(Window, to - from);
                }

                kpis.Tick(now, 1);
            }
        }
    }

    [Fact]
    public void A_seed_makes_the_same_values_every_time()
    {
        var scenario = Programmes.Catalogue.Catalogue.All[0];
        Dictionary<string, double> Run()
        {
            var kpis = new DeviceKpis(Programmes.Catalogue, scenario, 42, Window, Start);
            for (var second = 1; second <= 10; second++)
            {
                kpis.Tick(Start.AddSeconds(second), 1);
            }

            return kpis.Close().Kpis;
        }

        Assert.Equal(Run(), Run());
    }
}
