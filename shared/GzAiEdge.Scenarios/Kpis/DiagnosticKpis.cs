using static GzAiEdge.Scenarios.Kpis.PipelineNames;

namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// Accuracy a device computes on labelled replay from ground truth it holds itself: useful to the people who run it,
/// never scored (EVALUATION.md, rule 2). Only a labelled replay source emits these.
/// </summary>
public static class DiagnosticKpis
{
    /// <summary><c>detection_precision</c>.</summary>
    public static readonly KpiDefinition DetectionPrecision = Labelled(
        "detection_precision", "", "检测精确率", "Detection precision",
        "detections matching a ground-truth box of their class (IoU ≥ 0.5) / detections", TrafficDetection);

    /// <summary><c>detection_recall</c>.</summary>
    public static readonly KpiDefinition DetectionRecall = Labelled(
        "detection_recall", "", "检测召回率", "Detection recall",
        "ground-truth boxes matched by a detection of their class (IoU ≥ 0.5) / ground-truth boxes", TrafficDetection);

    /// <summary><c>classification_accuracy</c>.</summary>
    public static readonly KpiDefinition ClassificationAccuracy = Labelled(
        "classification_accuracy", "", "分类准确率", "Classification accuracy",
        "decisions equal to the label / decisions", VisualInspection, VitalsClassification);

    /// <summary><c>classification_f1</c>.</summary>
    public static readonly KpiDefinition ClassificationF1 = Labelled(
        "classification_f1", "", "分类 F1", "Classification F1",
        "F1 of the positive class (defect, abnormal) against the labels: 2TP / (2TP + FP + FN)", VisualInspection, VitalsClassification);

    /// <summary><c>anomaly_detection_delay_s</c>.</summary>
    public static readonly KpiDefinition AnomalyDetectionDelayS = Labelled(
        "anomaly_detection_delay_s", "s", "异常检出延迟", "Anomaly detection delay",
        "from a labelled fault's onset to the end of its first flagged window", VibrationAnomaly);

    /// <summary><c>time_to_alert_s</c>.</summary>
    public static readonly KpiDefinition TimeToAlertS = Labelled(
        "time_to_alert_s", "s", "告警时延", "Time to alert",
        "from a labelled episode's onset to its alert", VitalsClassification);

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } =
        [DetectionPrecision, DetectionRecall, ClassificationAccuracy, ClassificationF1, AnomalyDetectionDelayS, TimeToAlertS];

    private static KpiDefinition Labelled(string key, string unit, string zh, string en, string meaning, params string[] pipelines) =>
        new(key, unit, zh, en, $"labelled replay only, self-reported: {meaning}", KpiKind.Diagnostic, pipelines, []);
}
