namespace GzAiEdge.Scenarios.Kpis;

/// <summary>The edge's simulated sources (<c>source: {kind: simulated, profile: …}</c>): demo and fleet load, no model.</summary>
public static class SimulationProfileNames
{
    /// <summary>An intersection approach: vehicles with speeds, pedestrians.</summary>
    public const string Traffic = "traffic";

    /// <summary>A production line: inspected units, a motor's vibration.</summary>
    public const string Manufacturing = "manufacturing";

    /// <summary>A ward patient's vital signs.</summary>
    public const string Medical = "medical";

    /// <summary>Every profile, in the order documents list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Traffic, Manufacturing, Medical];
}
