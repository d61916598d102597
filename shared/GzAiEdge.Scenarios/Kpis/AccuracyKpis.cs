namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// How right the AI is, measured against truth the device never sees (EVALUATION.md, rule 2): the cloud scores a
/// device's raw outputs on a sealed audit set whose labels never leave it. No device emits these; each comes with a
/// 95% confidence interval from its audit.
/// </summary>
public static class AccuracyKpis
{
    /// <summary><c>audit_detection_ap50</c>.</summary>
    public static readonly KpiDefinition DetectionAp50 = Audited(
        "audit_detection_ap50", "", "审计检测 AP@0.5", "Audited detection AP@0.5",
        "average precision at IoU 0.5 (all-point interpolation: the precision envelope over every recall step, as PASCAL VOC 2010+), mean over classes");

    /// <summary><c>audit_detection_precision</c>.</summary>
    public static readonly KpiDefinition DetectionPrecision = Audited(
        "audit_detection_precision", "", "审计检测精确率", "Audited detection precision",
        "detections matching a labelled box of their class (IoU ≥ 0.5) / detections, at the pipeline's configured score threshold");

    /// <summary><c>audit_detection_recall</c>.</summary>
    public static readonly KpiDefinition DetectionRecall = Audited(
        "audit_detection_recall", "", "审计检测召回率", "Audited detection recall",
        "labelled boxes matched by a detection of their class (IoU ≥ 0.5) / labelled boxes, at the pipeline's configured score threshold");

    /// <summary><c>audit_classification_accuracy</c>.</summary>
    public static readonly KpiDefinition ClassificationAccuracy = Audited(
        "audit_classification_accuracy", "", "审计分类准确率", "Audited classification accuracy",
        "decisions equal to the label / items, at the pipeline's configured decision threshold");

    /// <summary><c>audit_classification_macro_f1</c>.</summary>
    public static readonly KpiDefinition ClassificationMacroF1 = Audited(
        "audit_classification_macro_f1", "", "审计分类宏 F1", "Audited classification macro F1",
        "F1 of each class against the labels, mean over the classes, so a model that never (or always) flags scores low");

    /// <summary><c>audit_anomaly_auroc</c>.</summary>
    public static readonly KpiDefinition AnomalyAuroc = Audited(
        "audit_anomaly_auroc", "", "审计异常 AUROC", "Audited anomaly AUROC",
        "area under the ROC curve of the reconstruction error against the fault labels (threshold-free)");

    /// <summary><c>audit_anomaly_recall</c>.</summary>
    public static readonly KpiDefinition AnomalyRecall = Audited(
        "audit_anomaly_recall", "", "审计异常召回率", "Audited anomaly recall",
        "fault windows flagged / fault windows, at the pipeline's configured anomaly threshold");

    /// <summary><c>audit_time_to_alert_s</c>.</summary>
    public static readonly KpiDefinition TimeToAlertS = Audited(
        "audit_time_to_alert_s", "s", "审计告警时延", "Audited time to alert",
        "mean delay from a labelled episode's onset to the first alert decision (lower is better)");

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } =
    [
        DetectionAp50, DetectionPrecision, DetectionRecall, ClassificationAccuracy, ClassificationMacroF1, AnomalyAuroc, AnomalyRecall, TimeToAlertS,
    ];

    private static KpiDefinition Audited(string key, string unit, string zh, string en, string meaning) =>
        new(key, unit, zh, en, $"sealed audit set, scored in the cloud: {meaning}", KpiKind.Accuracy, [], [], TruthSource.Audit, ComputedByPlatform: true);
}
