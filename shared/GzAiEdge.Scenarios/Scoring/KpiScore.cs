using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Scoring;

/// <summary>One KPI's part of a score, with everything needed to explain it.</summary>
/// <param name="Rubric">The rubric applied (the scenario's effective one).</param>
/// <param name="Value">The aggregated value; null when missing.</param>
/// <param name="Reports">Reports that carried the KPI.</param>
/// <param name="Achievement">0–1; 0 when missing.</param>
/// <param name="Points">Achievement × weight: this KPI's points of the 0–100 score.</param>
/// <param name="Note">Why the achievement is what it is, in words.</param>
public sealed record KpiScore(KpiRubric Rubric, double? Value, long Reports, double Achievement, double Points, string Note);
