using GzAiEdge.FieldAudits.Items;

namespace GzAiEdge.FieldAudits.Labels;

/// <summary>
/// How far two evaluators who labelled the same items agree, per pipeline: Cohen's kappa over the true class or
/// anomaly yes/no, and for boxes the share matched one to one at IoU ≥ 0.5 (2·matched / (boxes of one + boxes of the
/// other); 1 when both saw nothing) with the mean IoU of the matched pairs. Where an item has more than two labels, the
/// first two evaluators by name are compared, so the same labels always give the same figure.
/// </summary>
public static class Agreement
{
    /// <summary>IoU at which two evaluators' boxes count as the same object.</summary>
    public const double BoxIou = 0.5;

    /// <summary>The agreement of each pipeline's doubly-labelled items among <paramref name="items"/>.</summary>
    public static IReadOnlyList<AgreementView> Of(IReadOnlyList<FieldItem> items, IReadOnlyList<FieldLabel> labels)
    {
        var byItem = labels.GroupBy(l => l.Item).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Evaluator, StringComparer.Ordinal).ToList());
        var views = new List<AgreementView>();
        foreach (var pipeline in items.Select(i => i.Pipeline).Distinct().Order(StringComparer.Ordinal))
        {
            var pairs = items.Where(i => i.Pipeline == pipeline && byItem.TryGetValue(i.Id, out var l) && l.Count >= 2)
                .Select(i => (A: byItem[i.Id][0], B: byItem[i.Id][1])).ToList();
            var kind = LabelRules.KindOf(pipeline);
            if (kind is null)
            {
                continue;
            }

            var labelled = items.Count(i => i.Pipeline == pipeline && byItem.ContainsKey(i.Id));
            views.Add(kind switch
            {
                LabelRules.Boxes => Boxes(pipeline, labelled, pairs),
                LabelRules.Class => new AgreementView(pipeline, labelled, pairs.Count, Kappa(pairs.Select(p => (p.A.Class!, p.B.Class!)).ToList()), null, null),
                _ => new AgreementView(pipeline, labelled, pairs.Count, Kappa(pairs.Select(p => (Yes(p.A.Anomaly), Yes(p.B.Anomaly))).ToList()), null, null),
            });
        }

        return views;
    }

    /// <summary>Cohen's kappa of paired ratings: (pₒ − pₑ) / (1 − pₑ); null with no pairs, or when chance agreement is 1 (one category only).</summary>
    public static double? Kappa(IReadOnlyList<(string A, string B)> pairs)
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        double n = pairs.Count;
        var observed = pairs.Count(p => p.A == p.B) / n;
        var chance = pairs.Select(p => p.A).Concat(pairs.Select(p => p.B)).Distinct()
            .Sum(c => pairs.Count(p => p.A == c) / n * (pairs.Count(p => p.B == c) / n));
        return chance >= 1 ? null : (observed - chance) / (1 - chance);
    }

    /// <summary>Boxes of two evaluators matched greedily, highest IoU first, same class, IoU ≥ <see cref="BoxIou"/>: the matched pairs' IoUs.</summary>
    public static IReadOnlyList<double> Match(IReadOnlyList<FieldBox> a, IReadOnlyList<FieldBox> b)
    {
        var candidates = new List<(double Iou, int I, int J)>();
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                var iou = a[i].Class == b[j].Class ? a[i].Iou(b[j]) : 0;
                if (iou >= BoxIou)
                {
                    candidates.Add((iou, i, j));
                }
            }
        }

        var (usedA, usedB, matched) = (new HashSet<int>(), new HashSet<int>(), new List<double>());
        foreach (var (iou, i, j) in candidates.OrderByDescending(c => c.Iou).ThenBy(c => c.I).ThenBy(c => c.J))
        {
            if (!usedA.Contains(i) && !usedB.Contains(j))
            {
                usedA.Add(i);
                usedB.Add(j);
                matched.Add(iou);
            }
        }

        return matched;
    }

    private static AgreementView Boxes(string pipeline, int labelled, List<(FieldLabel A, FieldLabel B)> pairs)
    {
        if (pairs.Count == 0)
        {
            return new AgreementView(pipeline, labelled, 0, null, null, null);
        }

        var shares = new List<double>();
        var ious = new List<double>();
        foreach (var (a, b) in pairs)
        {
            var (boxesA, boxesB) = (a.Boxes ?? [], b.Boxes ?? []);
            var matched = Match(boxesA, boxesB);
            ious.AddRange(matched);
            shares.Add(boxesA.Count + boxesB.Count == 0 ? 1 : 2.0 * matched.Count / (boxesA.Count + boxesB.Count));
        }

        return new AgreementView(pipeline, labelled, pairs.Count, null, shares.Average(), ious.Count == 0 ? null : ious.Average());
    }

    private static string Yes(bool? anomaly) => anomaly == true ? "yes" : "no";
}

/// <summary>
/// Agreement of one pipeline's labels: items labelled at all, items labelled by two evaluators, and Cohen's kappa
/// (classes, anomaly yes/no) or the box agreement and mean IoU of matched boxes (detection).
/// </summary>
public sealed record AgreementView(string Pipeline, int LabelledItems, int DoublyLabelled, double? Kappa, double? BoxAgreement, double? MeanIou);
