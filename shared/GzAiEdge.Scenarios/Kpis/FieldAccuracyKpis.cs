namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// How right the AI is where it is deployed (EVALUATION.md, "Field audits and later truth"): evaluators' labels on
/// inputs the cloud sampled from closed windows with a seed committed beforehand, so the device could not choose them.
/// No device emits these; each comes with a 95% Wilson interval, and an item the device could not produce counts as a
/// wrong output.
/// </summary>
public static class FieldAccuracyKpis
{
    /// <summary><c>field_detection_precision</c>.</summary>
    public static readonly KpiDefinition DetectionPrecision = Field(
        "field_detection_precision", "现场检测精确率", "Field detection precision",
        "the device's boxes matching an evaluator's box of their class (IoU ≥ 0.5) / the device's boxes, on sampled field frames");

    /// <summary><c>field_detection_recall</c>.</summary>
    public static readonly KpiDefinition DetectionRecall = Field(
        "field_detection_recall", "现场检测召回率", "Field detection recall",
        "evaluators' boxes matched by a device box of their class (IoU ≥ 0.5) / evaluators' boxes, on sampled field frames");

    /// <summary><c>field_classification_accuracy</c>.</summary>
    public static readonly KpiDefinition ClassificationAccuracy = Field(
        "field_classification_accuracy", "现场分类准确率", "Field classification accuracy",
        "sampled field inputs whose decided class is the evaluator's class / sampled inputs");

    /// <summary><c>field_anomaly_precision</c>.</summary>
    public static readonly KpiDefinition AnomalyPrecision = Field(
        "field_anomaly_precision", "现场异常精确率", "Field anomaly precision",
        "sampled windows the device flagged that an evaluator marked an anomaly / sampled flagged windows");

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } = [DetectionPrecision, DetectionRecall, ClassificationAccuracy, AnomalyPrecision];

    private static KpiDefinition Field(string key, string zh, string en, string meaning) =>
        new(key, "", zh, en, $"field audit, labelled by evaluators in the cloud: {meaning}", KpiKind.Accuracy, [], [], TruthSource.FieldAudit, ComputedByPlatform: true);
}
