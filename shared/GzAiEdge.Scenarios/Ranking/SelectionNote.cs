namespace GzAiEdge.Scenarios.Ranking;

/// <summary>
/// What a selection (TOP N, benchmark scenarios) says about a chosen place: why it was chosen and, when a scenario left
/// out competed with it and is tied with it on score or by overlapping score intervals, that the cut went through a
/// tie and how the tie was broken. Without this a reader sees only the winner of a tie the data cannot decide.
/// </summary>
internal static class SelectionNote
{
    public const string TieRule = "point score, then completeness, then scenario id";

    public static string For(RankedScenario chosen, string why, IEnumerable<RankedScenario> competitorsLeftOut)
    {
        var tied = competitorsLeftOut
            .Where(o => o.Candidate.Score == chosen.Candidate.Score || o.Candidate.ScoreInterval.Overlaps(chosen.Candidate.ScoreInterval))
            .OrderBy(o => o.Rank).Select(o => $"{o.Candidate.ScenarioId} (rank {o.Rank})").ToList();
        return tied.Count == 0
            ? why
            : $"{why}; tied with {string.Join(", ", tied)}, left out: the tie was broken by {TieRule}";
    }
}
