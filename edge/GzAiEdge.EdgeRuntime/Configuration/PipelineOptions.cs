using GzAiEdge.Inference;

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
        ["traffic-detection", "visual-inspection", "vibration-anomaly", "vitals-classification", "load-forecasting", "traffic-loop", "environment"];

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

    /// <summary>The classes of the project's own detector (<c>models/traffic-detector.onnx</c>): 0 vehicle.</summary>
    public static readonly IReadOnlyList<string> DefaultVehicleClasses = ["0"];

    /// <summary>The classes of the project's own detector: 1 pedestrian.</summary>
    public static readonly IReadOnlyList<string> DefaultPedestrianClasses = ["1"];

    /// <summary>One of <see cref="Kinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The ONNX model file; none for <see cref="ModelFreeKinds"/>.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>
    /// Name reported with every KPI report; unset takes the model's own: the name in its Ultralytics metadata, else
    /// its graph name (or the file name, for the names exporters give every graph).
    /// </summary>
    public string? ModelName { get; set; }

    /// <summary>Version reported with every KPI report; unset takes the Ultralytics metadata's <c>version</c>, else the file's <c>model_version</c>.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>Detector output layout: <c>yolov8</c> (<c>[1,4+nc,N]</c>) or <c>yolov5</c> (<c>[1,N,5+nc]</c>).</summary>
    public string Layout { get; set; } = "yolov8";

    /// <summary>
    /// Image models: the input size to run at, as Ultralytics' <c>imgsz</c>: <c>[height, width]</c>, or <c>[side]</c>
    /// for a square. Unset takes the model's own size, or for a model whose height or width is dynamic its
    /// <c>imgsz</c> metadata. A model with a fixed size runs only at that size.
    /// </summary>
    // No initialiser, like every list here whose default is not empty: configuration binding appends the configured
    // items to an initialised list instead of replacing it.
    public List<int>? ImageSize { get; set; }

    /// <summary>Lowest detection score kept.</summary>
    public double ScoreThreshold { get; set; } = 0.5;

    /// <summary>Overlap over which a weaker box of the same class is suppressed.</summary>
    public double IouThreshold { get; set; } = 0.45;

    /// <summary>
    /// Detector classes counted as vehicles: class indexes, or class names from the model's <c>names</c> metadata or
    /// <see cref="ClassNames"/> (COCO models: <c>[car, motorcycle, bus, truck]</c> or <c>[2, 3, 5, 7]</c>). Unset
    /// counts <see cref="DefaultVehicleClasses"/>.
    /// </summary>
    public List<string>? VehicleClasses { get; set; }

    /// <summary>Detector classes counted as pedestrians (COCO models: <c>[person]</c> or <c>[0]</c>). Unset counts <see cref="DefaultPedestrianClasses"/>.</summary>
    public List<string>? PedestrianClasses { get; set; }

    /// <summary>
    /// The detector's class names in output order, for a model without <c>names</c> metadata (the project's own
    /// detector: <c>[vehicle, pedestrian]</c>), so that classes can be given by name. Empty: the model's own names.
    /// </summary>
    public List<string> ClassNames { get; set; } = [];

    /// <summary>Traffic: y of the counting line in frame pixels; 0 takes the replay's line, or the middle of a camera's frame.</summary>
    public double CountingLineY { get; set; }

    /// <summary>Classifiers: probability of the positive class (defect, abnormal) from which an input counts as positive.</summary>
    public double DecisionThreshold { get; set; } = 0.5;

    /// <summary>Autoencoder: mean squared reconstruction error above which a window is anomalous (from the model card).</summary>
    public double AnomalyThreshold { get; set; }

    /// <summary>Series models: samples between windows; 0 takes half the window (vibration) or 5 (vital signs).</summary>
    public int HopSamples { get; set; }

    /// <summary><see cref="VehicleClasses"/>, or its default when the configuration gives none.</summary>
    public IReadOnlyList<string> VehicleClassesOrDefault() => VehicleClasses ?? DefaultVehicleClasses;

    /// <summary><see cref="PedestrianClasses"/>, or its default when the configuration gives none.</summary>
    public IReadOnlyList<string> PedestrianClassesOrDefault() => PedestrianClasses ?? DefaultPedestrianClasses;

    /// <summary><see cref="ImageSize"/> as height and width, or null when unset (or malformed: validation reports it).</summary>
    public ImageSize? ConfiguredImageSize() => ImageSize switch
    {
        [var side] => new ImageSize(side, side),
        [var height, var width] => new ImageSize(height, width),
        _ => null,
    };
}
