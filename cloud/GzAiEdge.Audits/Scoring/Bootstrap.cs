using GzAiEdge.Contracts.Audits;
using GzAiEdge.Evaluation.Audits;

namespace GzAiEdge.Audits.Scoring;

/// <summary>
/// 95% confidence intervals by the percentile bootstrap over items (Efron and Tibshirani, "An Introduction to the
/// Bootstrap", 1993, ch. 13): <see cref="Resamples"/> resamples of the items with replacement, drawn from a
/// <see cref="SplitMix64"/> with a fixed seed, so the same answer gives the same interval every time and everywhere.
/// All metrics of an audit are computed on the same resamples. A resample on which a metric is undefined (an AUROC
/// without a positive) is left out of that metric's interval.
/// </summary>
internal static class Bootstrap
{
    public const int Resamples = 1000;

    private const ulong Seed = 0x5EED_A0D1_7000_0001UL;

    /// <summary>
    /// Each metric <paramref name="compute"/> returns (over a multiset of item indexes), on all <paramref name="items"/>
    /// and with its interval; null where it is undefined on all items.
    /// </summary>
    public static AuditMetric?[] Intervals(int items, int metrics, Func<int[], double?[]> compute)
    {
        var all = compute([.. Enumerable.Range(0, items)]);
        var samples = Enumerable.Range(0, metrics).Select(_ => new List<double>(Resamples)).ToArray();
        var random = new SplitMix64(Seed);
        var draw = new int[items];
        for (var b = 0; b < Resamples; b++)
        {
            for (var i = 0; i < items; i++)
            {
                draw[i] = random.Below(items);
            }

            var values = compute(draw);
            for (var m = 0; m < metrics; m++)
            {
                if (values[m] is { } v)
                {
                    samples[m].Add(v);
                }
            }
        }

        return [.. Enumerable.Range(0, metrics).Select(m => all[m] is { } value
            ? new AuditMetric(value, Percentile(samples[m], 0.025) ?? value, Percentile(samples[m], 0.975) ?? value, items)
            : null)];
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default, as the edge's window percentiles); null for none.</summary>
    public static double? Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var rank = q * (values.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, values.Count - 1);
        return values[lo] + ((values[hi] - values[lo]) * (rank - lo));
    }
}
