using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.FleetSimulation.Kpis;

/// <summary>
/// The timing KPIs every inference pipeline reports (the KPI catalogue's service KPIs): model run time p50/p95/p99 and
/// inputs per second. Each device has its own base latency (its model on its hardware, 15 to 60 ms)
/// and a little jitter per window. A percentile the rubric already set anchors the others, so that
/// p50 ≤ p95 ≤ p99 holds in every report.
/// </summary>
internal sealed class InferenceTimings(Random random)
{
    private static readonly string P50 = ServiceKpis.InferenceP50Ms.Key;
    private static readonly string P95 = ServiceKpis.InferenceP95Ms.Key;
    private static readonly string P99 = ServiceKpis.InferenceP99Ms.Key;
    private static readonly string PerSecond = ServiceKpis.InferencesPerS.Key;
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
