namespace GzAiEdge.Audits.Scoring;

/// <summary>Threshold-free and per-class metrics: AUROC, accuracy and macro F1.</summary>
internal static class RankMetrics
{
    /// <summary>
    /// Area under the ROC curve of <paramref name="scores"/> against <paramref name="positive"/>: the Mann-Whitney U
    /// statistic over the positives' ranks, tied scores sharing their average rank (as scikit-learn's roc_auc_score
    /// counts a tie as half). Null without both a positive and a negative.
    /// </summary>
    public static double? Auroc(IReadOnlyList<(double Score, bool Positive)> items)
    {
        var positives = items.Count(i => i.Positive);
        var negatives = items.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var sorted = items.OrderBy(i => i.Score).ToList();
        var rankSum = 0.0;
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1].Score == sorted[i].Score)
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                rankSum += sorted[k].Positive ? rank : 0;
            }

            i = j + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Share of decisions equal to the label; null without items.</summary>
    public static double? Accuracy(IReadOnlyList<(int Truth, int Decision)> items) =>
        items.Count == 0 ? null : (double)items.Count(i => i.Truth == i.Decision) / items.Count;

    /// <summary>
    /// F1 = 2TP / (2TP + FP + FN) of each of <paramref name="classes"/> classes, averaged: scikit-learn's f1_score with
    /// average="macro", labels = every class and zero_division = 0, so a class never predicted and never labelled scores 0.
    /// Null without items.
    /// </summary>
    public static double? MacroF1(IReadOnlyList<(int Truth, int Decision)> items, int classes)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            var (tp, fp, fn) = (0, 0, 0);
            foreach (var (truth, decision) in items)
            {
                tp += truth == c && decision == c ? 1 : 0;
                fp += truth != c && decision == c ? 1 : 0;
                fn += truth == c && decision != c ? 1 : 0;
            }

            sum += tp + fp + fn == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
        }

        return sum / classes;
    }
}
