using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.Scoring;

/// <summary>How one pipeline's answers are checked and scored against a test set's labels.</summary>
internal interface IPipelineScoring
{
    /// <summary>Why <paramref name="item"/> is not an output of this pipeline for <paramref name="label"/>'s item; null when it is.</summary>
    string? Check(TestSetLabels labels, ItemLabel label, AuditItemAnswer item);

    /// <summary>The audit's metrics by catalogue key, over <paramref name="outputs"/> (one per label, in the labels' order).</summary>
    IReadOnlyDictionary<string, AuditMetric> Score(TestSetLabels labels, IReadOnlyList<AuditItemAnswer> outputs, double threshold);
}

/// <summary>The scoring of each pipeline.</summary>
internal static class PipelineScorings
{
    public static IPipelineScoring For(string pipeline) => pipeline switch
    {
        PipelineNames.TrafficDetection => new DetectionScoring(),
        PipelineNames.VisualInspection => new ClassificationScoring(),
        PipelineNames.VibrationAnomaly => new AnomalyScoring(),
        PipelineNames.VitalsClassification => new SeriesScoring(),
        _ => throw new ArgumentOutOfRangeException(nameof(pipeline), pipeline, "not an audited pipeline"),
    };

    /// <summary>The metrics <paramref name="keys"/> name, leaving out those undefined on the set.</summary>
    public static Dictionary<string, AuditMetric> Named(IReadOnlyList<KpiDefinition> keys, AuditMetric?[] metrics) =>
        keys.Zip(metrics).Where(p => p.Second is not null).ToDictionary(p => p.First.Key, p => p.Second!, StringComparer.Ordinal);
}
