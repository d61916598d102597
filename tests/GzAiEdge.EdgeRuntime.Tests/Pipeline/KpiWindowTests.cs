using GzAiEdge.EdgeRuntime.Pipeline;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline;

public class KpiWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static readonly WindowKpi[] Definitions =
    [
        new("vehicle_count", "vehicle", WindowAggregation.Count),
        new("vehicle_flow_per_hour", "vehicle", WindowAggregation.CountPerHour),
        new("mean_speed_kmh", "vehicle", WindowAggregation.Mean),
        new("max_speed_kmh", "vehicle", WindowAggregation.Max),
        new("min_speed_kmh", "vehicle", WindowAggregation.Min),
        new("total_speed", "vehicle", WindowAggregation.Sum),
        new("pedestrian_count", "pedestrian", WindowAggregation.Count),
    ];

    [Fact]
    public void Kpis_are_computed_from_the_window_samples()
    {
        var window = new KpiWindow(Definitions, Start, TimeSpan.FromSeconds(10));
        foreach (var speed in new[] { 30.0, 40, 50 })
        {
            window.Add(new Sample(Start, "vehicle", speed));
        }

        window.Add(new Sample(Start, "unrelated", 99));

        var kpis = window.Compute();

        Assert.Equal(3, kpis["vehicle_count"]);
        Assert.Equal(3 * 360, kpis["vehicle_flow_per_hour"]); // 3 in 10 s is 1080 an hour
        Assert.Equal(40, kpis["mean_speed_kmh"]);
        Assert.Equal(50, kpis["max_speed_kmh"]);
        Assert.Equal(30, kpis["min_speed_kmh"]);
        Assert.Equal(120, kpis["total_speed"]);
        Assert.Equal(0, kpis["pedestrian_count"]);
        Assert.Equal(4, kpis[KpiWindow.SamplesKpi]);
    }

    [Fact]
    public void An_empty_window_reports_counts_as_zero_and_leaves_means_out()
    {
        var kpis = new KpiWindow(Definitions, Start, TimeSpan.FromSeconds(10)).Compute();

        Assert.Equal(0, kpis["vehicle_count"]);
        Assert.Equal(0, kpis["total_speed"]);
        Assert.False(kpis.ContainsKey("mean_speed_kmh"));
        Assert.False(kpis.ContainsKey("max_speed_kmh"));
        Assert.Equal(0, kpis[KpiWindow.SamplesKpi]);
    }

    [Fact]
    public void A_window_without_samples_still_builds_a_valid_report_for_a_profile_of_means_only()
    {
        var medical = GzAiEdge.EdgeRuntime.Simulation.SimulationProfiles.Create("medical", seed: 1);
        var options = Microsoft.Extensions.Options.Options.Create(
            new GzAiEdge.EdgeRuntime.Configuration.EdgeOptions { Site = "s", Device = "d", Scenario = "x" });
        var builder = new GzAiEdge.EdgeRuntime.Publishing.ReportBuilder(options);

        var report = builder.Build(new KpiWindow(medical.Kpis, Start, TimeSpan.FromSeconds(1)));

        Assert.Equal(0, report.Seq);
        Assert.Equal(new Dictionary<string, double> { [KpiWindow.SamplesKpi] = 0 }, report.Kpis);
    }

    [Fact]
    public void Windows_align_to_multiples_of_their_length()
    {
        var time = new DateTimeOffset(2026, 11, 22, 8, 0, 17, 300, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 10, TimeSpan.Zero), KpiWindow.AlignedStart(time, TimeSpan.FromSeconds(10)));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), KpiWindow.AlignedStart(time, TimeSpan.FromMinutes(1)));
    }
}
