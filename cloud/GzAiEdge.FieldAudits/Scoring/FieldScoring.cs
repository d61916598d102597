using GzAiEdge.Evaluation.Audits;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Labels;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.FieldAudits.Scoring;

/// <summary>
/// The field accuracy KPIs from sampled items and evaluators' labels. The truth of an item labelled twice is the first
/// evaluator's by name (the same labels always give the same figure; agreement reports how far the second differs).
/// An item the device could not produce (evicted, refused, unanswered) counts as one wrong output: a wrong box and a
/// missed object for detection, a wrong class, a false alarm when it was drawn from the positives of an anomaly model.
/// Proportions are over the sampled items as drawn (each stratum equally), with Wilson intervals.
/// </summary>
public static class FieldScoring
{
    /// <summary>The metrics by KPI key; a metric with nothing to count is absent.</summary>
    public static Dictionary<string, AuditMetric> Score(IReadOnlyList<FieldItem> items, IReadOnlyList<FieldLabel> labels)
    {
        var truth = labels.GroupBy(l => l.Item).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Evaluator, StringComparer.Ordinal).First());
        var (tp, detections, matched, objects, detectionItems) = (0, 0, 0, 0, 0);
        var (correct, classified) = (0, 0);
        var (trueAlarms, alarms) = (0, 0);
        foreach (var item in items)
        {
            var against = FieldItemStates.CountsAgainst(item.State);
            if (!against && (item.State != FieldItemStates.Received || !truth.TryGetValue(item.Id, out _)))
            {
                continue;
            }

            var label = against ? null : truth[item.Id];
            switch (LabelRules.KindOf(item.Pipeline))
            {
                case LabelRules.Boxes:
                    detectionItems++;
                    if (label is null)
                    {
                        (detections, objects) = (detections + 1, objects + 1);
                        break;
                    }

                    var device = (item.Outputs?.Boxes ?? []).OrderByDescending(b => b.Score).Select(b => new FieldBox(b.Class, b.X1, b.Y1, b.X2, b.Y2)).ToList();
                    var hits = Agreement.Match(device, label.Boxes ?? []).Count;
                    (tp, detections, matched, objects) = (tp + hits, detections + device.Count, matched + hits, objects + (label.Boxes?.Count ?? 0));
                    break;
                case LabelRules.Class:
                    classified++;
                    correct += label is not null && item.Outputs is { Classes: { } classes, Decision: { } d } && d >= 0 && d < classes.Count && classes[d] == label.Class ? 1 : 0;
                    break;
                case LabelRules.Anomaly when item.Stratum == Strata.Positive || item.Outputs?.Positive == true:
                    alarms++;
                    trueAlarms += label?.Anomaly == true ? 1 : 0;
                    break;
            }
        }

        var metrics = new Dictionary<string, AuditMetric>(StringComparer.Ordinal);
        Add(metrics, FieldAccuracyKpis.DetectionPrecision.Key, tp, detections, detectionItems);
        Add(metrics, FieldAccuracyKpis.DetectionRecall.Key, matched, objects, detectionItems);
        Add(metrics, FieldAccuracyKpis.ClassificationAccuracy.Key, correct, classified, classified);
        Add(metrics, FieldAccuracyKpis.AnomalyPrecision.Key, trueAlarms, alarms, alarms);
        return metrics;
    }

    private static void Add(Dictionary<string, AuditMetric> metrics, string key, int successes, int trials, int items)
    {
        if (trials > 0)
        {
            var (low, high) = Wilson.Interval(successes, trials);
            metrics[key] = new AuditMetric((double)successes / trials, low, high, items);
        }
    }
}
