using static GzAiEdge.Scenarios.Kpis.PipelineNames;

namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// How the demonstration runs: what every device window reports about its own work (device-reported, so cross-checked
/// in audits before a score relies on it), and what the platform measures from the reports it received.
/// </summary>
public static class ServiceKpis
{
    /// <summary><c>samples</c>: every window of every source reports it, so an empty window is still a valid report.</summary>
    public static readonly KpiDefinition Samples = new(
        "samples", "", "样本数", "Samples",
        "inputs seen in the window (frames, sensor windows or samples); device-reported",
        KpiKind.Service, PipelineNames.All, SimulationProfileNames.All);

    /// <summary><c>inference_p50_ms</c>.</summary>
    public static readonly KpiDefinition InferenceP50Ms = Latency("inference_p50_ms", "P50", "median");

    /// <summary><c>inference_p95_ms</c>.</summary>
    public static readonly KpiDefinition InferenceP95Ms = Latency("inference_p95_ms", "P95", "95th percentile");

    /// <summary><c>inference_p99_ms</c>.</summary>
    public static readonly KpiDefinition InferenceP99Ms = Latency("inference_p99_ms", "P99", "99th percentile");

    /// <summary><c>inferences_per_s</c>.</summary>
    public static readonly KpiDefinition InferencesPerS = new(
        "inferences_per_s", "/s", "推理速率", "Inference rate",
        "inputs run through the model per second of window; device-reported",
        KpiKind.Service, WithModel, []);

    /// <summary>
    /// <c>input_processed_share</c>: catches a pipeline that keeps its latency low by skipping what it cannot keep up
    /// with (a camera dropping the oldest frames, a sensor FIFO overflowing), which the latency KPIs alone would reward.
    /// </summary>
    public static readonly KpiDefinition InputProcessedShare = new(
        "input_processed_share", "", "输入处理率", "Input processed share",
        "inputs run through the model / inputs the source produced in the window (frames; signal samples), counting those dropped or lost before the model; 1 when nothing was dropped; device-reported",
        KpiKind.Service, WithModel, []);

    /// <summary><c>completeness</c>: the platform's, from the per-device <c>seq</c>.</summary>
    public static readonly KpiDefinition Completeness = Platform(
        "completeness", "完整率", "Completeness", "reports received / reports expected from the per-device sequence numbers over the period");

    /// <summary><c>uptime</c>: the platform's, from when reports arrived.</summary>
    public static readonly KpiDefinition Uptime = Platform(
        "uptime", "在线率", "Uptime", "share of the period's time buckets in which each listed device was heard from (a heartbeat or a report), mean over the devices");

    /// <summary><c>verified_share</c>: the platform's, from the signature chain checks.</summary>
    public static readonly KpiDefinition VerifiedShare = Platform(
        "verified_share", "验签通过率", "Verified share", "share of reports whose signature and hash chain verified");

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } =
        [Samples, InferenceP50Ms, InferenceP95Ms, InferenceP99Ms, InferencesPerS, InputProcessedShare, Completeness, Uptime, VerifiedShare];

    private static KpiDefinition Latency(string key, string percentile, string what) => new(
        key, "ms", $"推理耗时 {percentile}", $"Inference {percentile.ToLowerInvariant()}",
        $"{what} of the model run time per input over the window; device-reported",
        KpiKind.Service, WithModel, []);

    private static KpiDefinition Platform(string key, string zh, string en, string meaning) => new(
        key, "", zh, en, meaning, KpiKind.Service, [], [], ComputedByPlatform: true);
}
