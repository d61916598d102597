using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Ranking;
using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Scenarios.Tests.Ranking;

public class LeaderboardTests
{
    [Fact]
    public void Ties_on_score_are_broken_by_completeness_then_id_and_each_tie_is_explained()
    {
        RankingCandidate[] candidates =
        [
            new("c-tied", Sector.City, 80, true, true, 0.99),
            new("a-tied", Sector.City, 80, true, true, 0.99),
            new("b-tied", Sector.Traffic, 80, true, true, 1.0),
            new("top", Sector.Medical, 91.5, true, true, 0.97),
            new("failed", Sector.Medical, 99, false, false, 0.5),
            new("low", Sector.Traffic, 12.25, true, false, 1),
        ];

        var board = Leaderboard.Rank(candidates);

        Assert.Equal(["top", "b-tied", "a-tied", "c-tied", "low"], board.Select(r => r.Candidate.ScenarioId));
        Assert.Equal([1, 2, 3, 4, 5], board.Select(r => r.Rank));
        Assert.Null(board[0].Tie);
        Assert.Equal("tied on score 80.00 with a-tied, c-tied; ordered by completeness", board[1].Tie);
        Assert.Equal("tied on score 80.00 with b-tied, c-tied; completeness also equal, ordered by scenario id", board[2].Tie);
        Assert.Equal(board.Select(r => r.Candidate.ScenarioId), Leaderboard.Rank(candidates.Reverse()).Select(r => r.Candidate.ScenarioId));
        Assert.Equal(2, Leaderboard.Top(candidates, 2).Count);
        Assert.All(board, r => Assert.Null(r.StatisticalTie));
    }

    [Fact]
    public void Places_whose_score_intervals_overlap_are_marked_statistical_ties_and_still_ordered_by_score()
    {
        RankingCandidate[] candidates =
        [
            new("a", Sector.City, 80, true, false, 1, new Interval(74, 85)),
            new("b", Sector.City, 78, true, false, 1, new Interval(70, 79)),
            new("c", Sector.City, 60, true, false, 1, new Interval(55, 69.99)),
            new("d", Sector.City, 40, true, false, 1),
        ];

        var board = Leaderboard.Rank(candidates);

        Assert.Equal(["a", "b", "c", "d"], board.Select(r => r.Candidate.ScenarioId));
        Assert.Equal("score intervals overlap with b: ordered by point score, then completeness, then scenario id", board[0].StatisticalTie);
        Assert.Equal("score intervals overlap with a: ordered by point score, then completeness, then scenario id", board[1].StatisticalTie);
        Assert.Null(board[2].StatisticalTie);
        Assert.Null(board[3].StatisticalTie);
    }

    [Fact]
    public void Benchmark_selection_takes_the_best_of_each_sector_first_then_by_rank()
    {
        RankingCandidate[] candidates =
        [
            new("t1", Sector.Traffic, 95, true, false, 1),
            new("t2", Sector.Traffic, 94, true, false, 1),
            new("t3", Sector.Traffic, 93, true, false, 1),
            new("m1", Sector.Manufacturing, 70, true, false, 1),
            new("d1", Sector.Medical, 60, true, false, 1),
            new("c1", Sector.City, 50, true, false, 1),
            new("c-out", Sector.City, 99, false, false, 1),
        ];

        var chosen = BenchmarkSelection.Select(Leaderboard.Rank(candidates), 5);

        // The four sector bests (t1, m1, d1, c1), then the best remaining by rank (t2); listed by rank.
        Assert.Equal(["t1", "t2", "m1", "d1", "c1"], chosen.Select(r => r.Candidate.ScenarioId));
        // With room for two only, the two best-ranked sector bests: t1 (rank 1) and m1 (rank 4), not t2.
        Assert.Equal(["t1", "m1"], BenchmarkSelection.Select(Leaderboard.Rank(candidates), 2).Select(r => r.Candidate.ScenarioId));
    }

    [Fact]
    public void Top_n_says_when_its_cut_goes_through_a_tie_and_how_it_was_broken()
    {
        RankingCandidate[] candidates =
        [
            new("a", Sector.City, 90, true, false, 1, new Interval(88, 92)),
            new("b", Sector.City, 80, true, false, 1, new Interval(76, 84)),
            new("c", Sector.City, 79, true, false, 1, new Interval(75, 81)),
            new("d", Sector.City, 50, true, false, 1, new Interval(49, 51)),
        ];

        var top = Leaderboard.Top(candidates, 2);

        Assert.Equal(["a", "b"], top.Select(r => r.Candidate.ScenarioId));
        Assert.Equal("in the top 2 by rank", top[0].Selection);
        Assert.Equal("in the top 2 by rank; tied with c (rank 3), left out: the tie was broken by point score, then completeness, then scenario id", top[1].Selection);
        Assert.Equal("score intervals overlap with c: ordered by point score, then completeness, then scenario id", top[1].StatisticalTie);
        Assert.All(Leaderboard.Rank(candidates), r => Assert.Null(r.Selection));
    }

    [Fact]
    public void Benchmark_selection_says_why_each_was_chosen_and_which_tie_it_won()
    {
        RankingCandidate[] candidates =
        [
            new("t1", Sector.Traffic, 95, true, false, 1),
            new("t2", Sector.Traffic, 80, true, false, 1, new Interval(70, 85)),
            new("m1", Sector.Manufacturing, 78, true, false, 1, new Interval(68, 82)),
            new("m2", Sector.Manufacturing, 77, true, false, 1, new Interval(60, 79)),
            new("d1", Sector.Medical, 40, true, false, 0.9),
            new("d2", Sector.Medical, 40, true, false, 0.8),
        ];

        var chosen = BenchmarkSelection.Select(Leaderboard.Rank(candidates), 4);

        Assert.Equal(["t1", "t2", "m1", "d1"], chosen.Select(r => r.Candidate.ScenarioId));
        Assert.Equal("best of sector traffic", chosen[0].Selection);
        // t2 took the one place by rank; m2 (left out) overlaps it.
        Assert.Equal("next best by rank; tied with m2 (rank 4), left out: the tie was broken by point score, then completeness, then scenario id", chosen[1].Selection);
        Assert.Equal("best of sector manufacturing; tied with m2 (rank 4), left out: the tie was broken by point score, then completeness, then scenario id", chosen[2].Selection);
        // d1 and d2 score the same: completeness decided the medical place.
        Assert.Equal("best of sector medical; tied with d2 (rank 6), left out: the tie was broken by point score, then completeness, then scenario id", chosen[3].Selection);
        Assert.Equal("tied on score 40.00 with d2; ordered by completeness", chosen[3].Tie);
    }
}
