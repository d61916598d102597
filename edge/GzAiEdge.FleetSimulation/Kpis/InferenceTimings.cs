namespace GzAiEdge.FleetSimulation.Kpis;

/// <summary>
/// The timing KPIs every inference pipeline reports (docs/kpis.md): model run time p50/p95/p99 and
/// inputs per second. Each device has its own base latency (its model on its hardware, 15 to 60 ms)
/// and a little jitter per window. A percentile the rubric already set anchors the others, so that
/// p50 ≤ p95 ≤ p99 holds in every report.
/// </summary>
internal sealed class InferenceTimings(Random random)
{
    private const string P50 = "inference_p50_ms";
    private const string P95 = "inference_p95_ms";
    private const string P99 = "inference_p99_ms";
    private const string PerSecond = "inferences_per_s";
    private const double P95Factor = 1.6;
    private const double P99Factor = 2.1;

    private readonly double _baseMs = 15 + (random.NextDouble() * 45);

    /// <summary>Adds the timings the KPIs do not hold yet.</summary>
    public void AddTo(Dictionary<string, double> kpis)
    {
        var p50 = kpis.TryGetValue(P95, out var p95) ? p95 / P95Factor
            : kpis.TryGetValue(P99, out var p99) ? p99 / P99Factor
            : _baseMs * (1 + ((random.NextDouble() - 0.5) * 0.1));
        kpis.TryAdd(P50, Math.Round(p50, 3));
        kpis.TryAdd(P95, Math.Round(p50 * P95Factor, 3));
        kpis.TryAdd(P99, Math.Round(p50 * P99Factor, 3));
        kpis.TryAdd(PerSecond, Math.Round(Math.Min(30, 1000 / (p50 * 1.25)), 3));
    }
}
