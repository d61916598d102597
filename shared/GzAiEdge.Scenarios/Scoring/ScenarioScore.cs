namespace GzAiEdge.Scenarios.Scoring;

/// <summary>A scenario's score over a period with its explanation.</summary>
/// <param name="Score">Σ weight × achievement, 0–100, rounded to 2 decimals (the rounded value is what ranks).</param>
/// <param name="Kpis">Per-KPI parts, in rubric order.</param>
/// <param name="Gates">Gate results, in the order completeness, uptime, verifiedShare, reports.</param>
public sealed record ScenarioScore(double Score, IReadOnlyList<KpiScore> Kpis, IReadOnlyList<GateResult> Gates)
{
    /// <summary>No gate failed. A not-evaluated gate does not fail, but makes the result <see cref="Provisional"/>.</summary>
    public bool Eligible => Gates.All(g => g.Status != GateStatus.Failed);

    /// <summary>Eligible, but at least one gate could not be evaluated.</summary>
    public bool Provisional => Eligible && Gates.Any(g => g.Status == GateStatus.NotEvaluated);

    /// <summary>The names of the failed gates.</summary>
    public IReadOnlyList<string> FailedGates => [.. Gates.Where(g => g.Status == GateStatus.Failed).Select(g => g.Gate)];
}
