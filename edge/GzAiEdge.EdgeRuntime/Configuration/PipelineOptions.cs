namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// The pipeline a replay, camera or sensor source feeds (config section <c>Pipeline</c>): a model's, or for
/// some sensors one without a model. Unset for simulated sources.
/// </summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>The known pipelines; each is a KPI set in docs/kpis.md.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["traffic-detection", "visual-inspection", "vibration-anomaly", "vitals-classification", "traffic-loop", "environment"];

    /// <summary>The pipelines that run on frames, and so on a camera.</summary>
    public static readonly IReadOnlyList<string> ImageKinds = ["traffic-detection", "visual-inspection"];

    /// <summary>The pipelines that run no model: they read a sensor and aggregate what it measures.</summary>
    public static readonly IReadOnlyList<string> ModelFreeKinds = ["traffic-loop", "environment"];

    /// <summary>The pipeline each sensor chip feeds (<c>Source:Sensor:Chip</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> SensorKinds = new Dictionary<string, string>
    {
        ["mpu6050"] = "vibration-anomaly",
        ["max30102"] = "vitals-classification",
        ["pulse-counter"] = "traffic-loop",
        ["bme280"] = "environment",
    };

    /// <summary>One of <see cref="Kinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The ONNX model file; none for <see cref="ModelFreeKinds"/>.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Name reported with every KPI report; defaults to the model's graph name.</summary>
    public string? ModelName { get; set; }

    /// <summary>Version reported with every KPI report; defaults to the model's <c>model_version</c>.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>Detector output layout: <c>yolov8</c> (<c>[1,4+nc,N]</c>) or <c>yolov5</c> (<c>[1,N,5+nc]</c>).</summary>
    public string Layout { get; set; } = "yolov8";

    /// <summary>Lowest detection score kept.</summary>
    public double ScoreThreshold { get; set; } = 0.5;

    /// <summary>Overlap over which a weaker box of the same class is suppressed.</summary>
    public double IouThreshold { get; set; } = 0.45;

    /// <summary>Detector classes counted as vehicles (COCO models: 2, 3, 5, 7).</summary>
    public List<int> VehicleClasses { get; set; } = [0];

    /// <summary>Detector classes counted as pedestrians (COCO models: 0).</summary>
    public List<int> PedestrianClasses { get; set; } = [1];

    /// <summary>Traffic: y of the counting line in frame pixels; 0 takes the replay's line, or the middle of a camera's frame.</summary>
    public double CountingLineY { get; set; }

    /// <summary>Classifiers: probability of the positive class (defect, abnormal) from which an input counts as positive.</summary>
    public double DecisionThreshold { get; set; } = 0.5;

    /// <summary>Autoencoder: mean squared reconstruction error above which a window is anomalous (from the model card).</summary>
    public double AnomalyThreshold { get; set; }

    /// <summary>Series models: samples between windows; 0 takes half the window (vibration) or 5 (vital signs).</summary>
    public int HopSamples { get; set; }
}
