using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Scoring;

/// <summary>One KPI's part of a score, with everything needed to explain it.</summary>
/// <param name="Rubric">The rubric applied (the scenario's effective one).</param>
/// <param name="Value">The aggregated value; null when missing.</param>
/// <param name="Reports">Reports that carried the KPI.</param>
/// <param name="Achievement">0–1; 0 when missing.</param>
/// <param name="Points">Achievement × weight × coverage: this KPI's points of the 0–100 score.</param>
/// <param name="Note">Why the achievement is what it is, in words.</param>
/// <param name="ValueInterval">The value's 95% confidence interval, when it is an estimate.</param>
/// <param name="PointsInterval">The points the KPI earns anywhere in <paramref name="ValueInterval"/> (both ends <paramref name="Points"/> when there is none).</param>
/// <param name="Coverage">Share of the listed devices the value stands for.</param>
/// <param name="Provisional">Why this part keeps the result provisional; null when it does not.</param>
public sealed record KpiScore(
    KpiRubric Rubric,
    double? Value,
    long Reports,
    double Achievement,
    double Points,
    string Note,
    Interval? ValueInterval,
    Interval PointsInterval,
    double Coverage,
    string? Provisional);
