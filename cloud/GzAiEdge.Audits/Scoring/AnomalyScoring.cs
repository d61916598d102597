using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.Scoring;

/// <summary>
/// Vibration anomaly: AUROC of the reconstruction error against the labels (threshold-free) and recall of the fault
/// windows at the pipeline's anomaly threshold (the decisions it took).
/// </summary>
internal sealed class AnomalyScoring : IPipelineScoring
{
    public string? Check(TestSetLabels labels, ItemLabel label, AuditItemAnswer item) =>
        item.Error is null || item.Decision is not (0 or 1)
            ? "no reconstruction error and decision (0 normal, 1 anomalous): an autoencoder answers each window with both"
            : null;

    public IReadOnlyDictionary<string, AuditMetric> Score(TestSetLabels labels, IReadOnlyList<AuditItemAnswer> outputs, double threshold)
    {
        var items = outputs.Select((o, i) => (Error: o.Error!.Value, Fault: labels.Items[i].Class == 1, Flagged: o.Decision == 1)).ToArray();
        var keys = AuditedPipelines.Metrics(PipelineNames.VibrationAnomaly);
        return PipelineScorings.Named(keys, Bootstrap.Intervals(items.Length, keys.Count, draw =>
        {
            var drawn = draw.Select(i => items[i]).ToList();
            var faults = drawn.Count(d => d.Fault);
            return [RankMetrics.Auroc([.. drawn.Select(d => (d.Error, d.Fault))]), faults == 0 ? null : (double)drawn.Count(d => d.Fault && d.Flagged) / faults];
        }));
    }
}
