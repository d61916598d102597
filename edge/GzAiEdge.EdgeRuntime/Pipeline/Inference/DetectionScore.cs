using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// Labelled-replay scoring of detections: greedy matching by score to unmatched ground-truth boxes of the
/// same class at IoU ≥ 0.5 (the PASCAL VOC rule); precision = TP / detections, recall = TP / truths.
/// </summary>
public static class DetectionScore
{
    public const string TruePositives = "det_tp";
    public const string Predicted = "det_predicted";
    public const string Truths = "det_truth";
    public const float MinIoU = 0.5f;

    public static readonly IReadOnlyList<WindowKpi> Kpis =
    [
        new(DiagnosticKpis.DetectionPrecision.Key, TruePositives, WindowAggregation.Ratio, Predicted),
        new(DiagnosticKpis.DetectionRecall.Key, TruePositives, WindowAggregation.Ratio, Truths),
    ];

    /// <summary>True positives among <paramref name="detections"/> (best first) against <paramref name="truths"/>.</summary>
    public static int Match(IReadOnlyList<Detection> detections, IReadOnlyList<Detection> truths, Span<bool> used)
    {
        used.Clear();
        var tp = 0;
        foreach (var d in detections)
        {
            var best = -1;
            var bestIoU = MinIoU;
            for (var j = 0; j < truths.Count; j++)
            {
                var iou = d.IoU(truths[j]);
                if (!used[j] && truths[j].ClassId == d.ClassId && iou >= bestIoU)
                {
                    (best, bestIoU) = (j, iou);
                }
            }

            if (best >= 0)
            {
                used[best] = true;
                tp++;
            }
        }

        return tp;
    }

    public static void Add(DateTimeOffset time, int truePositives, int predicted, int truths, List<Sample> samples)
    {
        samples.Add(new Sample(time, TruePositives, truePositives));
        samples.Add(new Sample(time, Predicted, predicted));
        samples.Add(new Sample(time, Truths, truths));
    }
}
