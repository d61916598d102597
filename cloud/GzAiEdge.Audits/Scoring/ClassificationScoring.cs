using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.Scoring;

/// <summary>Visual inspection: accuracy and macro F1 of the decisions the pipeline took at its threshold, per image.</summary>
internal sealed class ClassificationScoring : IPipelineScoring
{
    public string? Check(TestSetLabels labels, ItemLabel label, AuditItemAnswer item) =>
        item.Scores is not { } scores || item.Decision is not { } decision
            ? "no class scores and decision: a classifier answers each image with both"
            : scores.Count != labels.Classes.Count || decision < 0 || decision >= labels.Classes.Count
                ? $"{scores.Count} class scores and decision {decision}; the set has {labels.Classes.Count} classes"
                : null;

    public IReadOnlyDictionary<string, AuditMetric> Score(TestSetLabels labels, IReadOnlyList<AuditItemAnswer> outputs, double threshold)
    {
        var pairs = outputs.Select((o, i) => (labels.Items[i].Class!.Value, o.Decision!.Value)).ToArray();
        var keys = AuditedPipelines.Metrics(PipelineNames.VisualInspection);
        return PipelineScorings.Named(keys, Bootstrap.Intervals(pairs.Length, keys.Count, draw =>
        {
            var drawn = draw.Select(i => pairs[i]).ToList();
            return [RankMetrics.Accuracy(drawn), RankMetrics.MacroF1(drawn, labels.Classes.Count)];
        }));
    }
}
