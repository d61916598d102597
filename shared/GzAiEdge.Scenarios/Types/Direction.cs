namespace GzAiEdge.Scenarios.Types;

/// <summary>Which way a KPI improves.</summary>
public enum Direction
{
    /// <summary>Larger is better: the target is above the threshold.</summary>
    Higher,

    /// <summary>Smaller is better: the target is below the threshold.</summary>
    Lower,
}
