using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.Scoring;

/// <summary>
/// Traffic detection: AP@0.5 per class of the set (the pipeline's vehicle and pedestrian), averaged over the classes with labelled boxes, and precision and recall of the
/// detections at the pipeline's score threshold. Boxes are matched per image and class: detections by falling score,
/// each to the unmatched labelled box of its class with the highest IoU of at least 0.5 (the rule the edge's labelled
/// replay scoring uses). Matching is per image, so a detection's match holds in every bootstrap resample; and because
/// higher scores match first, the matches of the detections at or over the threshold are those of the field pipeline,
/// which keeps no detection under it. A set without any detection has precision 0.
/// </summary>
internal sealed class DetectionScoring : IPipelineScoring
{
    private const double MinIoU = 0.5;

    public string? Check(TestSetLabels labels, ItemLabel label, AuditItemAnswer item) =>
        item.Boxes is not { } boxes ? "no boxes: a detector answers each image with its detections (an empty list when it found none)"
        : boxes.FirstOrDefault(b => !labels.Classes.Contains(b.Class)) is { } unknown
            ? $"class '{unknown.Class}' is not one of {string.Join(", ", labels.Classes)}"
            : null;

    public IReadOnlyDictionary<string, AuditMetric> Score(TestSetLabels labels, IReadOnlyList<AuditItemAnswer> outputs, double threshold)
    {
        var classes = labels.Classes.Count;
        var matches = new (int Class, ScoredMatch Match)[outputs.Count][];
        var truths = new int[outputs.Count, classes];
        for (var i = 0; i < outputs.Count; i++)
        {
            matches[i] = Match(labels.Classes, labels.Items[i].Boxes ?? [], outputs[i].Boxes!);
            foreach (var box in labels.Items[i].Boxes ?? [])
            {
                truths[i, box.Class]++;
            }
        }

        var keys = AuditedPipelines.Metrics(PipelineNames.TrafficDetection);
        return PipelineScorings.Named(keys, Bootstrap.Intervals(outputs.Count, keys.Count, draw => Metrics(draw, matches, truths, classes, threshold)));
    }

    private static double?[] Metrics(int[] draw, (int Class, ScoredMatch Match)[][] matches, int[,] truths, int classes, double threshold)
    {
        var aps = new List<double>();
        var (tp, predicted, total) = (0, 0, 0);
        for (var c = 0; c < classes; c++)
        {
            var detections = new List<ScoredMatch>();
            var labelled = 0;
            foreach (var i in draw)
            {
                labelled += truths[i, c];
                foreach (var (cls, match) in matches[i])
                {
                    if (cls == c)
                    {
                        detections.Add(match);
                        (tp, predicted) = match.Score >= threshold ? (tp + (match.TruePositive ? 1 : 0), predicted + 1) : (tp, predicted);
                    }
                }
            }

            total += labelled;
            if (AveragePrecision.Of(detections, labelled) is { } ap)
            {
                aps.Add(ap);
            }
        }

        return [aps.Count == 0 ? null : aps.Average(), predicted == 0 ? 0 : (double)tp / predicted, total == 0 ? null : (double)tp / total];
    }

    private static (int Class, ScoredMatch Match)[] Match(IReadOnlyList<string> classes, IReadOnlyList<LabelBox> truths, IReadOnlyList<AuditBox> boxes)
    {
        var used = new bool[truths.Count];
        var result = new List<(int, ScoredMatch)>(boxes.Count);
        foreach (var box in boxes.OrderByDescending(b => b.Score))
        {
            var cls = classes.ToList().IndexOf(box.Class);
            var (best, bestIoU) = (-1, MinIoU);
            for (var j = 0; j < truths.Count; j++)
            {
                var iou = IoU(box, truths[j]);
                if (!used[j] && truths[j].Class == cls && iou >= bestIoU)
                {
                    (best, bestIoU) = (j, iou);
                }
            }

            if (best >= 0)
            {
                used[best] = true;
            }

            result.Add((cls, new ScoredMatch(box.Score, best >= 0)));
        }

        return [.. result];
    }

    private static double IoU(AuditBox a, LabelBox b)
    {
        var w = Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1);
        var h = Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var inter = w * h;
        return inter / (((a.X2 - a.X1) * (a.Y2 - a.Y1)) + ((b.X2 - b.X1) * (b.Y2 - b.Y1)) - inter);
    }
}
