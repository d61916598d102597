namespace GzAiEdge.Scenarios.Scoring;

/// <summary>A range of values: a 95% confidence interval of a measured value, or the range a score spans because of one.</summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end, at least <paramref name="Low"/>.</param>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>The interval of the same point at both ends.</summary>
    public static Interval At(double value) => new(value, value);

    /// <summary>True when the two share at least one value.</summary>
    public bool Overlaps(Interval other) => Low <= other.High && other.Low <= High;
}
