using System.Diagnostics.Metrics;
using GzAiEdge.EdgeRuntime.Publishing;

namespace GzAiEdge.EdgeRuntime.Metrics;

/// <summary>
/// The worker's instruments (meter <see cref="MeterName"/>; docs/operations.md says what each means). A static meter,
/// because the model runner and the pipeline loop are built outside dependency injection; a counter or histogram
/// recorded without tags allocates nothing, and nothing at all while no exporter listens.
/// </summary>
public static class EdgeMetrics
{
    public const string MeterName = "GzAiEdge.Edge";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Ticks =
        Meter.CreateCounter<long>("gz.edge.pipeline.ticks", "{tick}", "Pipeline ticks finished (each runs what the source delivered)");

    private static readonly Histogram<double> Inference = Meter.CreateHistogram<double>(
        "gz.edge.inference.duration", "ms", "Time of one model run",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000] });

    private static readonly Counter<long> Reconnects =
        Meter.CreateCounter<long>("gz.edge.broker.reconnects", "{connect}", "Connections to the broker after the first");

    /// <summary>One pipeline tick finished; allocation-free.</summary>
    public static void Ticked() => Ticks.Add(1);

    /// <summary>One model run took <paramref name="milliseconds"/>; allocation-free.</summary>
    public static void Inferred(double milliseconds) => Inference.Record(milliseconds);

    internal static void Reconnected() => Reconnects.Add(1);

    /// <summary>Observes the outbox: how many messages wait, and how many reports its bounds evicted.</summary>
    internal static void Observe(Outbox outbox)
    {
        Meter.CreateObservableGauge("gz.edge.outbox.depth", () => outbox.Depth, "{message}", "Messages in the outbox not yet acknowledged by the broker");
        Meter.CreateObservableCounter("gz.edge.outbox.evicted", () => outbox.Evicted, "{report}", "Reports the outbox's bounds evicted before they were sent");
    }
}
