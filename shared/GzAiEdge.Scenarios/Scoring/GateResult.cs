namespace GzAiEdge.Scenarios.Scoring;

/// <summary>The outcome of one gate.</summary>
public enum GateStatus
{
    /// <summary>The measured value meets the minimum.</summary>
    Passed,

    /// <summary>The measured value is below the minimum: the scenario is ineligible.</summary>
    Failed,

    /// <summary>The value could not be measured (e.g. evidence not checked): neither passed nor failed.</summary>
    NotEvaluated,
}

/// <summary>One gate's check.</summary>
/// <param name="Gate">Gate name: <c>completeness</c>, <c>uptime</c>, <c>verifiedShare</c> or <c>reports</c>.</param>
/// <param name="Minimum">The type's minimum.</param>
/// <param name="Measured">The measured value; null when not evaluated.</param>
/// <param name="Status">Passed, failed or not evaluated.</param>
/// <param name="Note">Why, in words (for not evaluated gates, what was missing).</param>
public sealed record GateResult(string Gate, double Minimum, double? Measured, GateStatus Status, string Note);
