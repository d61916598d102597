namespace GzAiEdge.Scenarios.Types;

/// <summary>
/// The KPI keys each edge pipeline emits, as listed in docs/kpis.md. A type may only score keys its
/// pipeline really sends, so that no rubric waits for a KPI no device reports.
/// </summary>
public static class PipelineKpis
{
    private const string EveryPipeline = "samples";

    private static readonly string[] EveryInferencePipeline = ["inference_p50_ms", "inference_p95_ms", "inference_p99_ms", "inferences_per_s"];

    // Sensor pipelines that aggregate what they measure and run no model, so report no inference timings.
    private static readonly string[] ModelFree = ["traffic-loop", "environment"];

    private static readonly Dictionary<string, string[]> ByPipeline = new(StringComparer.Ordinal)
    {
        ["traffic-detection"] =
        [
            "vehicle_count", "vehicle_flow_per_hour", "pedestrian_count", "mean_vehicles_per_frame", "max_vehicles_per_frame",
            "mean_pedestrians_per_frame", "max_pedestrians_per_frame", "detection_precision", "detection_recall",
        ],
        ["visual-inspection"] = ["units_inspected", "defect_rate", "classification_accuracy", "classification_f1"],
        ["vibration-anomaly"] = ["vibration_windows", "anomaly_rate", "reconstruction_error_mean", "reconstruction_error_max", "anomaly_detection_delay_s"],
        ["vitals-classification"] =
        [
            "heart_rate_mean", "spo2_mean", "spo2_min", "abnormal_share", "alert_count", "time_to_alert_s",
            "classification_accuracy", "classification_f1",
        ],
        ["traffic-loop"] = ["vehicle_count", "vehicle_flow_per_hour", "occupancy"],
        ["environment"] =
        [
            "temperature_mean_c", "temperature_min_c", "temperature_max_c", "humidity_mean_pct", "humidity_min_pct", "humidity_max_pct",
            "pressure_mean_hpa", "pressure_min_hpa", "pressure_max_hpa",
        ],
    };

    /// <summary>The known pipeline names.</summary>
    public static IEnumerable<string> Pipelines => ByPipeline.Keys.Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="pipeline"/> is known.</summary>
    public static bool IsPipeline(string pipeline) => ByPipeline.ContainsKey(pipeline);

    /// <summary>True when <paramref name="pipeline"/> emits <paramref name="key"/>.</summary>
    public static bool Emits(string pipeline, string key) =>
        ByPipeline.TryGetValue(pipeline, out var keys)
        && (keys.Contains(key) || key == EveryPipeline || (!ModelFree.Contains(pipeline) && EveryInferencePipeline.Contains(key)));
}
