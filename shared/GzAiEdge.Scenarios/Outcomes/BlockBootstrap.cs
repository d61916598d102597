using GzAiEdge.Contracts.Audits;

namespace GzAiEdge.Scenarios.Outcomes;

/// <summary>
/// The circular block bootstrap over days (Politis and Romano, "A circular block-resampling procedure for stationary
/// data", 1992). Window values of one day are autocorrelated and so are neighbouring days (weather, weekdays), so
/// resampling single days would understate the spread: each series is rebuilt from blocks of consecutive days,
/// wrapping around at its end, with block length ⌈n^(1/3)⌉ (the usual rate for variance estimation, Hall, Horowitz and
/// Jing 1995). Draws come from a <see cref="SplitMix64"/> with a fixed seed, so the same stored data gives the same
/// interval every time and everywhere.
/// </summary>
public static class BlockBootstrap
{
    /// <summary>Resamples drawn.</summary>
    public const int Resamples = 2000;

    private const ulong Seed = 0x0C7C_0E5E_ED00_0001UL;

    /// <summary>The block length used for a series of <paramref name="days"/> days.</summary>
    public static int BlockLength(int days) => Math.Max(1, (int)Math.Ceiling(Math.Cbrt(days)));

    /// <summary>
    /// The 2.5th and 97.5th percentiles of <paramref name="statistic"/> over <see cref="Resamples"/> joint resamples of
    /// the two series (each resampled on its own, in blocks), leaving out resamples on which it is not finite; null when
    /// none is. Each series needs at least one day.
    /// </summary>
    public static (double Low, double High)? Interval(IReadOnlyList<double> a, IReadOnlyList<double> b, Func<double, double, double> statistic)
    {
        var random = new SplitMix64(Seed);
        var values = new List<double>(Resamples);
        for (var r = 0; r < Resamples; r++)
        {
            var value = statistic(ResampledMean(a, ref random), ResampledMean(b, ref random));
            if (double.IsFinite(value))
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return (Percentile(values, 0.025), Percentile(values, 0.975));
    }

    private static double ResampledMean(IReadOnlyList<double> days, ref SplitMix64 random)
    {
        var n = days.Count;
        var block = BlockLength(n);
        var sum = 0.0;
        var taken = 0;
        while (taken < n)
        {
            var start = random.Below(n);
            for (var k = 0; k < block && taken < n; k++, taken++)
            {
                sum += days[(start + k) % n];
            }
        }

        return sum / n;
    }

    // Linear interpolation between closest ranks (numpy's default, as the audit intervals).
    private static double Percentile(List<double> sorted, double q)
    {
        var rank = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
