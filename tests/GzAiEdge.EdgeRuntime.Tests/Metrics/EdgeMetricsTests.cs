using GzAiEdge.EdgeRuntime.Metrics;
using GzAiEdge.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace GzAiEdge.EdgeRuntime.Tests.Metrics;

/// <summary>
/// What the pipeline loop and the model runner record per tick and per run allocates nothing, with OpenTelemetry's
/// Prometheus exporter listening as in the worker, and what they record is what a scrape reads.
/// </summary>
public sealed class EdgeMetricsTests
{
    [Fact]
    public async Task Ticks_and_inference_times_are_recorded_without_allocating_and_scraped_as_recorded()
    {
        var port = FreePort.Next();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(EdgeMetrics.MeterName)
            .AddPrometheusHttpListener(o => (o.Host, o.Port, o.ScrapeResponseCacheDurationMilliseconds) = ("127.0.0.1", port, 0)).Build();
        using var http = new HttpClient();
        var before = Count(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")), "gz_edge_pipeline_ticks_total");

        var bytes = Allocations.Of(() =>
        {
            EdgeMetrics.Ticked();
            EdgeMetrics.Inferred(3.5);
        });

        Assert.Equal(0, bytes);
        var scraped = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        Assert.True(Count(scraped, "gz_edge_pipeline_ticks_total") - before >= 10_100, scraped);
        var inference = scraped.Split('\n').Where(l => l.StartsWith("gz_edge_inference_duration_milliseconds_count", StringComparison.Ordinal)).ToList();
        Assert.True(inference.Count == 1 && double.Parse(inference[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 10_100,
            string.Join('\n', scraped.Split('\n').Where(l => l.Contains("inference", StringComparison.Ordinal))));
    }

    // A counter's value in the Prometheus text (0 before its first scrape shows it).
    private static double Count(string text, string name) =>
        text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && !l.StartsWith(name + "_", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Sum();
}
