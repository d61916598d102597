namespace GzAiEdge.Scenarios.Ranking;

/// <summary>A place on the leaderboard.</summary>
/// <param name="Rank">1-based; ties are broken, so every rank is held by one scenario.</param>
/// <param name="Candidate">The scenario.</param>
/// <param name="Tie">How a tie on score was broken, or null when the score is unique.</param>
/// <param name="StatisticalTie">
/// The ranked scenarios whose score interval overlaps this one's, which it is statistically tied with, and how the
/// order between them was decided; null when its interval overlaps none.
/// </param>
public sealed record RankedScenario(int Rank, RankingCandidate Candidate, string? Tie, string? StatisticalTie = null);
