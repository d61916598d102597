namespace GzAiEdge.Scenarios.Types;

/// <summary>Which way a KPI improves.</summary>
public enum Direction
{
    /// <summary>Larger is better: the target is above the threshold.</summary>
    Higher,

    /// <summary>Smaller is better: the target is below the threshold.</summary>
    Lower,

    /// <summary>
    /// Nearer zero is better, on either side (a bias such as <c>forecast_nmbe</c>): the magnitude is scored as for
    /// <see cref="Lower"/>, with threshold and target at or above 0.
    /// </summary>
    Zero,
}
