using GzAiEdge.Scenarios.Outcomes;

namespace GzAiEdge.Scenarios.Scoring;

/// <summary>A scenario's score over a period with its explanation.</summary>
/// <param name="Score">Σ weight × achievement × coverage, 0–100, rounded to 2 decimals (the rounded value is what ranks).</param>
/// <param name="Interval">
/// The range the score spans when each KPI's value moves within its confidence interval, each end rounded to 2
/// decimals (<see cref="ScoreCalculator"/> says how).
/// </param>
/// <param name="Kpis">Per-KPI parts, in rubric order.</param>
/// <param name="Gates">Gate results, in the order completeness, uptime, verifiedShare, reports, then the type's audit flags.</param>
public sealed record ScenarioScore(double Score, Interval Interval, IReadOnlyList<KpiScore> Kpis, IReadOnlyList<GateResult> Gates)
{
    /// <summary>No gate failed. A not-evaluated gate or a missing audit does not fail, but makes the result <see cref="Provisional"/>.</summary>
    public bool Eligible => Gates.All(g => g.Status != GateStatus.Failed);

    /// <summary>Eligible, but a gate could not be evaluated or a scored KPI waits for an audit.</summary>
    public bool Provisional => Eligible && ProvisionalBecause.Count > 0;

    /// <summary>Why the result is not final: each gate not evaluated (<c>gate: note</c>), then each KPI waiting for an audit (<c>key: why</c>).</summary>
    public IReadOnlyList<string> ProvisionalBecause =>
    [
        .. Gates.Where(g => g.Status == GateStatus.NotEvaluated).Select(g => $"{g.Gate}: {g.Note}"),
        .. Kpis.Where(k => k.Provisional is not null).Select(k => $"{k.Rubric.Key}: {k.Provisional}"),
    ];

    /// <summary>The declared outcome against its baseline, with its points (already in <see cref="Score"/>); null when none is declared.</summary>
    public OutcomeResult? Outcome { get; init; }

    /// <summary>The names of the failed gates.</summary>
    public IReadOnlyList<string> FailedGates => [.. Gates.Where(g => g.Status == GateStatus.Failed).Select(g => g.Gate)];
}
