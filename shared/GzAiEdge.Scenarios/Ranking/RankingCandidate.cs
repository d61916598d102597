using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Scenarios.Ranking;

/// <summary>What ranking needs of one evaluated scenario.</summary>
/// <param name="ScenarioId">Scenario id.</param>
/// <param name="Sector">Its sector (benchmark selection takes the best of each first).</param>
/// <param name="Score">Score 0–100, already rounded to 2 decimals.</param>
/// <param name="Eligible">No gate failed.</param>
/// <param name="Provisional">A gate could not be evaluated, or a scored KPI waits for an audit.</param>
/// <param name="Completeness">Received / expected reports; the first tie-breaker (null counts as 0).</param>
/// <param name="Interval">The range the score spans within its parts' confidence intervals; null means the score alone.</param>
public sealed record RankingCandidate(string ScenarioId, Sector Sector, double Score, bool Eligible, bool Provisional, double? Completeness, Interval? Interval = null)
{
    /// <summary><see cref="Interval"/>, or the score at both ends when none was given.</summary>
    public Interval ScoreInterval => Interval ?? Scoring.Interval.At(Score);
}
