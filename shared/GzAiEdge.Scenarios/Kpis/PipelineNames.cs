namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// The edge pipelines, by the name a device config (<c>pipeline: kind</c>) and a scenario type (<c>pipeline:</c>) give
/// them. Each emits the KPIs the catalogue lists for it.
/// </summary>
public static class PipelineNames
{
    /// <summary>Road frames through a YOLO-layout detector: vehicles and pedestrians.</summary>
    public const string TrafficDetection = "traffic-detection";

    /// <summary>Product images through a defect classifier.</summary>
    public const string VisualInspection = "visual-inspection";

    /// <summary>Accelerometer windows through an autoencoder.</summary>
    public const string VibrationAnomaly = "vibration-anomaly";

    /// <summary>Heart rate and SpO2 windows through a normal / abnormal classifier.</summary>
    public const string VitalsClassification = "vitals-classification";

    /// <summary>An inductive loop or IR beam on a GPIO line; no model.</summary>
    public const string TrafficLoop = "traffic-loop";

    /// <summary>A BME280's temperature, humidity and pressure; no model.</summary>
    public const string Environment = "environment";

    /// <summary>Hourly load and temperature of a building or feeder through a one-hour-ahead load forecaster.</summary>
    public const string LoadForecasting = "load-forecasting";

    /// <summary>Every pipeline, in the order documents list them.</summary>
    public static IReadOnlyList<string> All { get; } = [TrafficDetection, VisualInspection, VibrationAnomaly, VitalsClassification, LoadForecasting, TrafficLoop, Environment];

    /// <summary>The pipelines that run a model, and so report inference timings.</summary>
    public static IReadOnlyList<string> WithModel { get; } = [TrafficDetection, VisualInspection, VibrationAnomaly, VitalsClassification, LoadForecasting];
}
