namespace GzAiEdge.Scenarios.Ranking;

/// <summary>
/// The year's benchmark scenarios (试验场景标杆). Rule: from the leaderboard (eligible only), first
/// the best-ranked scenario of each sector that has one, then the next best by rank regardless of
/// sector, until <c>count</c> are chosen; the result is listed in leaderboard order. So every sector
/// with an eligible scenario is represented, and otherwise rank decides. Each chosen place says why it was chosen
/// (<see cref="RankedScenario.Selection"/>) and, where a scenario left out that competed for its slot (the same sector
/// for a sector's best, any for a place by rank) is tied with it on score or by overlapping score intervals, that the
/// tie was broken by the leaderboard order: point score, then completeness, then scenario id.
/// </summary>
public static class BenchmarkSelection
{
    /// <summary>The programme's default number of benchmark scenarios per year.</summary>
    public const int DefaultCount = 10;

    /// <summary>Selects up to <paramref name="count"/> from a leaderboard.</summary>
    public static IReadOnlyList<RankedScenario> Select(IReadOnlyList<RankedScenario> leaderboard, int count = DefaultCount)
    {
        var chosen = leaderboard.GroupBy(r => r.Candidate.Sector).Select(g => g.MinBy(r => r.Rank)!)
            .OrderBy(r => r.Rank).Take(count).ToList();
        var sectorBests = chosen.ToHashSet();
        chosen.AddRange(leaderboard.Except(chosen).OrderBy(r => r.Rank).Take(count - chosen.Count));
        var leftOut = leaderboard.Except(chosen).ToList();
        return [.. chosen.OrderBy(r => r.Rank).Select(r => r with
        {
            Selection = sectorBests.Contains(r)
                ? SelectionNote.For(r, $"best of sector {r.Candidate.Sector.ToString().ToLowerInvariant()}", leftOut.Where(o => o.Candidate.Sector == r.Candidate.Sector))
                : SelectionNote.For(r, "next best by rank", leftOut),
        })];
    }
}
