using GzAiEdge.Contracts.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Scenarios.Audits;

/// <summary>
/// What an audit of each model pipeline runs and measures, read by the cloud that builds and scores audits and by the
/// device that answers them: the kind of item the pipeline takes, the classes its outputs and a test set's labels name
/// (by index), and the accuracy KPIs its audit yields.
/// </summary>
public static class AuditedPipelines
{
    /// <summary>The traffic pipeline's counted groups, by index: the class a detection is answered and labelled with.</summary>
    public static IReadOnlyList<string> DetectionClasses { get; } = ["vehicle", "pedestrian"];

    /// <summary>An autoencoder's decision per window, by index.</summary>
    public static IReadOnlyList<string> AnomalyClasses { get; } = ["normal", "anomaly"];

    /// <summary>A vital-signs classifier's decision per window, by index (abnormal when the window lies enough in an episode).</summary>
    public static IReadOnlyList<string> VitalsClasses { get; } = ["normal", "abnormal"];

    /// <summary>
    /// The pipelines an audit can run: the classifiers and the detector. A forecast's truth is the load that follows it,
    /// which arrives on its own (later truth), so load forecasting has no sealed set.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        [PipelineNames.TrafficDetection, PipelineNames.VisualInspection, PipelineNames.VibrationAnomaly, PipelineNames.VitalsClassification];

    /// <summary>Whether <paramref name="pipeline"/> can be audited.</summary>
    public static bool IsAudited(string pipeline) => All.Contains(pipeline, StringComparer.Ordinal);

    /// <summary>The kind of item <paramref name="pipeline"/> takes: <see cref="AuditInput.Image"/>, <see cref="AuditInput.Window"/> or <see cref="AuditInput.Series"/>.</summary>
    public static string ItemKind(string pipeline) => pipeline switch
    {
        PipelineNames.TrafficDetection or PipelineNames.VisualInspection => AuditInput.Image,
        PipelineNames.VibrationAnomaly => AuditInput.Window,
        PipelineNames.VitalsClassification => AuditInput.Series,
        _ => throw Unknown(pipeline),
    };

    /// <summary>The accuracy KPIs an audit of <paramref name="pipeline"/> yields, in catalogue order.</summary>
    public static IReadOnlyList<KpiDefinition> Metrics(string pipeline) => pipeline switch
    {
        PipelineNames.TrafficDetection => [AccuracyKpis.DetectionAp50, AccuracyKpis.DetectionPrecision, AccuracyKpis.DetectionRecall],
        PipelineNames.VisualInspection => [AccuracyKpis.ClassificationAccuracy, AccuracyKpis.ClassificationMacroF1],
        PipelineNames.VibrationAnomaly => [AccuracyKpis.AnomalyAuroc, AccuracyKpis.AnomalyRecall],
        PipelineNames.VitalsClassification => [AccuracyKpis.ClassificationAccuracy, AccuracyKpis.ClassificationMacroF1, AccuracyKpis.TimeToAlertS],
        _ => throw Unknown(pipeline),
    };

    private static ArgumentOutOfRangeException Unknown(string pipeline) =>
        new(nameof(pipeline), pipeline, $"not a pipeline an audit runs: {string.Join(", ", All)}");
}
