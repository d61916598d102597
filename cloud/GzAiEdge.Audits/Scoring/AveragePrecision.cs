namespace GzAiEdge.Audits.Scoring;

/// <summary>A detection's score and whether it matched a labelled box.</summary>
internal readonly record struct ScoredMatch(double Score, bool TruePositive);

/// <summary>
/// Average precision with all-point interpolation, as PASCAL VOC computes it since 2010 (Everingham et al., "The PASCAL
/// Visual Object Classes Challenge 2012 Development Kit", section 4.2): the precision-recall curve over every distinct
/// score, each precision replaced by the best precision at that recall or any higher one (the monotone envelope), and
/// the envelope integrated over every recall step. Not COCO's sampling of the envelope at 101 recall points. Detections
/// with equal scores enter the curve together, so the result does not depend on how ties happen to be ordered (as
/// scikit-learn's precision_recall_curve groups them).
/// </summary>
internal static class AveragePrecision
{
    /// <summary>AP of <paramref name="detections"/> (any order) against <paramref name="truths"/> labelled boxes; null without truths.</summary>
    public static double? Of(List<ScoredMatch> detections, int truths)
    {
        if (truths == 0)
        {
            return null;
        }

        detections.Sort((a, b) => b.Score.CompareTo(a.Score));
        var points = new List<(double Recall, double Precision)>();
        var (tp, fp) = (0, 0);
        for (var i = 0; i < detections.Count; i++)
        {
            (tp, fp) = detections[i].TruePositive ? (tp + 1, fp) : (tp, fp + 1);
            if (i + 1 == detections.Count || detections[i + 1].Score != detections[i].Score)
            {
                points.Add(((double)tp / truths, (double)tp / (tp + fp)));
            }
        }

        var ap = 0.0;
        var envelope = 0.0;
        for (var k = points.Count - 1; k >= 0; k--)
        {
            envelope = Math.Max(envelope, points[k].Precision);
            ap += (points[k].Recall - (k > 0 ? points[k - 1].Recall : 0)) * envelope;
        }

        return ap;
    }
}
