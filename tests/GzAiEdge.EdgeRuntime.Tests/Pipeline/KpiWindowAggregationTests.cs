using GzAiEdge.EdgeRuntime.Pipeline;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline;

public class KpiWindowAggregationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Percentiles_interpolate_between_closest_ranks_and_throughput_is_per_second()
    {
        WindowKpi[] definitions =
        [
            new("p50", "latency", WindowAggregation.P50),
            new("p95", "latency", WindowAggregation.P95),
            new("p99", "latency", WindowAggregation.P99),
            new("per_s", "latency", WindowAggregation.CountPerSecond),
            new("mean", "latency", WindowAggregation.Mean),
        ];
        var window = new KpiWindow(definitions, Start, TimeSpan.FromSeconds(2), inputSample: "latency");
        foreach (var v in new[] { 4.0, 1, 3, 2 })
        {
            window.Add(new Sample(Start, "latency", v));
        }

        window.Add(new Sample(Start, "other", 1));
        var kpis = window.Compute();

        // Sorted 1, 2, 3, 4: rank q * 3 → p50 at 1.5 = 2.5, p95 at 2.85 = 3.85, p99 at 2.97 = 3.97.
        Assert.Equal(2.5, kpis["p50"]);
        Assert.Equal(3.85, kpis["p95"], 9);
        Assert.Equal(3.97, kpis["p99"], 9);
        Assert.Equal(2, kpis["per_s"]);
        Assert.Equal(2.5, kpis["mean"]);
        Assert.Equal(4, kpis[KpiWindow.SamplesKpi]);
    }

    [Fact]
    public void A_ratio_divides_sums_and_is_left_out_when_the_denominator_is_zero()
    {
        WindowKpi[] definitions = [new("precision", "tp", WindowAggregation.Ratio, "predicted"), new("recall", "tp", WindowAggregation.Ratio, "truth")];
        var window = new KpiWindow(definitions, Start, TimeSpan.FromSeconds(1));
        window.Add(new Sample(Start, "tp", 3));
        window.Add(new Sample(Start, "predicted", 4));
        window.Add(new Sample(Start, "tp", 1));
        window.Add(new Sample(Start, "predicted", 1));

        var kpis = window.Compute();

        Assert.Equal(0.8, kpis["precision"]);
        Assert.False(kpis.ContainsKey("recall"));
    }

    [Fact]
    public void A_window_without_values_reports_no_percentiles()
    {
        var window = new KpiWindow([new("p50", "latency", WindowAggregation.P50)], Start, TimeSpan.FromSeconds(1), "latency");

        Assert.Equal(new Dictionary<string, double> { [KpiWindow.SamplesKpi] = 0 }, window.Compute());
    }
}
