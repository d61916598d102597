namespace GzAiEdge.Scenarios.Ranking;

/// <summary>A place on the leaderboard.</summary>
/// <param name="Rank">1-based; ties are broken, so every rank is held by one scenario.</param>
/// <param name="Candidate">The scenario.</param>
/// <param name="Tie">How a tie on score was broken, or null when the score is unique.</param>
/// <param name="StatisticalTie">
/// The ranked scenarios whose score interval overlaps this one's, which it is statistically tied with, and how the
/// order between them was decided; null when its interval overlaps none.
/// </param>
public sealed record RankedScenario(int Rank, RankingCandidate Candidate, string? Tie, string? StatisticalTie = null)
{
    /// <summary>
    /// In a selection (the TOP N, the benchmark scenarios): why this place is in it, and which scenarios left out it is
    /// tied with (on score or statistically) and how the tie was broken; null on the full leaderboard.
    /// </summary>
    public string? Selection { get; init; }
}
