namespace GzAiEdge.FieldAudits.Scoring;

/// <summary>
/// The Wilson score interval of a proportion (Wilson 1927; Brown, Cai and DasGupta, "Interval Estimation for a Binomial
/// Proportion", Statistical Science 16(2), 2001, recommend it for small n): it stays inside [0, 1] and does not collapse
/// to a point at 0 or n successes, as the Wald interval does with the few items a field audit labels.
/// </summary>
public static class Wilson
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval of <paramref name="successes"/> in <paramref name="trials"/> (trials &gt; 0).</summary>
    public static (double Low, double High) Interval(double successes, double trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        var p = successes / trials;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * trials))) / (1 + (z2 / trials));
        var half = z / (1 + (z2 / trials)) * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4 * trials * trials)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
