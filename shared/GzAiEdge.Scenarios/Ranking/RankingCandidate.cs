using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Scenarios.Ranking;

/// <summary>What ranking needs of one evaluated scenario.</summary>
/// <param name="ScenarioId">Scenario id.</param>
/// <param name="Sector">Its sector (benchmark selection takes the best of each first).</param>
/// <param name="Score">Score 0–100, already rounded to 2 decimals.</param>
/// <param name="Eligible">No gate failed.</param>
/// <param name="Provisional">A gate could not be evaluated.</param>
/// <param name="Completeness">Received / expected reports; the first tie-breaker (null counts as 0).</param>
public sealed record RankingCandidate(string ScenarioId, Sector Sector, double Score, bool Eligible, bool Provisional, double? Completeness);
