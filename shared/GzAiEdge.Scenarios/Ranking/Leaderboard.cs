using System.Globalization;

namespace GzAiEdge.Scenarios.Ranking;

/// <summary>
/// Ranks eligible scenarios (no failed gate; provisional ones included and marked by the caller).
/// Order: score descending; on equal score, completeness descending (rounded to 4 decimals); then
/// scenario id in ordinal order. Each tie states which rule decided it, and each place whose score interval overlaps
/// another's is marked a statistical tie with them (EVALUATION.md, Scores and ranks): the order between them rests on
/// the point scores, not on a difference the audits can show.
/// </summary>
public static class Leaderboard
{
    /// <summary>The programme's default leaderboard length.</summary>
    public const int DefaultTop = 30;

    /// <summary>The full ranking of eligible candidates.</summary>
    public static IReadOnlyList<RankedScenario> Rank(IEnumerable<RankingCandidate> candidates)
    {
        var ordered = candidates.Where(c => c.Eligible)
            .OrderByDescending(c => c.Score)
            .ThenByDescending(Completeness)
            .ThenBy(c => c.ScenarioId, StringComparer.Ordinal)
            .ToList();
        return [.. ordered.Select((c, i) => new RankedScenario(i + 1, c, TieNote(ordered, i), StatisticalTie(ordered, i)))];
    }

    /// <summary>The first <paramref name="top"/> places of <see cref="Rank"/>, each saying how a tie across the cut was broken.</summary>
    public static IReadOnlyList<RankedScenario> Top(IEnumerable<RankingCandidate> candidates, int top = DefaultTop) => Top(Rank(candidates), top);

    /// <summary>
    /// The first <paramref name="top"/> places of a ranking. A place tied (on score or statistically) with one left out
    /// says so in <see cref="RankedScenario.Selection"/>, with the rule that broke the tie.
    /// </summary>
    public static IReadOnlyList<RankedScenario> Top(IReadOnlyList<RankedScenario> ranked, int top)
    {
        var leftOut = ranked.Skip(top).ToList();
        return [.. ranked.Take(top).Select(r => r with { Selection = SelectionNote.For(r, $"in the top {top} by rank", leftOut) })];
    }

    private static double Completeness(RankingCandidate c) => Math.Round(c.Completeness ?? 0, 4);

    private static string? StatisticalTie(List<RankingCandidate> ordered, int index)
    {
        var me = ordered[index];
        // Equal scores are a plain tie (TieNote) whatever the intervals.
        var overlapping = ordered.Where(c => c.Score != me.Score && c.ScoreInterval.Overlaps(me.ScoreInterval)).Select(c => c.ScenarioId).ToList();
        return overlapping.Count == 0
            ? null
            : $"score intervals overlap with {string.Join(", ", overlapping)}: ordered by point score, then completeness, then scenario id";
    }

    private static string? TieNote(List<RankingCandidate> ordered, int index)
    {
        var me = ordered[index];
        var tied = ordered.Where(c => c.Score == me.Score && !ReferenceEquals(c, me)).Select(c => c.ScenarioId).ToList();
        if (tied.Count == 0)
        {
            return null;
        }

        var sameCompleteness = ordered.Any(c => c.Score == me.Score && !ReferenceEquals(c, me) && Completeness(c) == Completeness(me));
        var rule = sameCompleteness ? "completeness also equal, ordered by scenario id" : "ordered by completeness";
        return $"tied on score {me.Score.ToString("0.00", CultureInfo.InvariantCulture)} with {string.Join(", ", tied)}; {rule}";
    }
}
