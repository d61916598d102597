using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Outcomes;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Tests.Outcomes;

public class OutcomeScoringTests
{
    private static readonly OutcomeBaseline Before = new(new DemonstrationPeriod(new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 1, 29, 0, 0, 0, TimeSpan.Zero)), null);

    private static OutcomeDeclaration Queue(OutcomeBaseline? baseline, double weight = 10) =>
        new("queue_length_mean", Direction.Lower, EffectKind.Ratio, baseline, 0, 0.2, weight, "20 % shorter queues is the programme's aim", 1);

    // Daily means of a queue: a weekly pattern (weekends shorter) and AR(1) day-to-day noise, as real days are
    // autocorrelated; scale sets the level, seed the noise.
    private static List<double> Days(double level, int seed, int count = 28)
    {
        var random = new Random(seed);
        var noise = 0.0;
        var days = new List<double>();
        for (var d = 0; d < count; d++)
        {
            noise = (0.6 * noise) + ((random.NextDouble() - 0.5) * 0.16);
            var weekly = d % 7 is 5 or 6 ? 0.85 : 1.05;
            days.Add(level * weekly * (1 + noise));
        }

        return days;
    }

    [Fact]
    public void A_20_percent_improvement_is_found_with_an_interval_that_excludes_no_change()
    {
        var result = OutcomeScoring.Evaluate(Queue(Before), Days(16, seed: 2), Days(20, seed: 1));

        var e = Assert.IsType<OutcomeEstimate>(result.Estimate);
        Assert.True(result.Scored);
        Assert.InRange(e.Improvement, 0.15, 0.25);
        Assert.InRange(e.Effect, -0.25, -0.15);
        Assert.True(e.ImprovementInterval.Low > 0, $"interval [{e.ImprovementInterval.Low}, {e.ImprovementInterval.High}] should exclude 0");
        Assert.True(e.EffectInterval.High < 0);
        Assert.InRange(0.2, e.ImprovementInterval.Low, e.ImprovementInterval.High);
        Assert.InRange(result.Points, 7.5, 10);
        Assert.Equal(4, e.BlockDays); // ⌈28^(1/3)⌉
        Assert.Contains("the interval excludes no change", result.Note, StringComparison.Ordinal);
        Assert.Equal(result, OutcomeScoring.Evaluate(Queue(Before), Days(16, seed: 2), Days(20, seed: 1)));
    }

    [Fact]
    public void No_change_gives_an_interval_that_includes_zero()
    {
        var result = OutcomeScoring.Evaluate(Queue(Before), Days(20, seed: 3), Days(20, seed: 4));

        var e = Assert.IsType<OutcomeEstimate>(result.Estimate);
        Assert.True(e.ImprovementInterval.Low < 0 && e.ImprovementInterval.High > 0, $"interval [{e.ImprovementInterval.Low}, {e.ImprovementInterval.High}] should include 0");
        Assert.Contains("the interval includes no change", result.Note, StringComparison.Ordinal);
        Assert.True(result.PointsInterval.Low == 0, "an interval reaching no change can earn nothing");
    }

    [Fact]
    public void Without_a_baseline_the_outcome_is_shown_not_scored()
    {
        var result = OutcomeScoring.Evaluate(Queue(null, weight: 0), Days(16, seed: 2), Days(20, seed: 1));

        Assert.False(result.Scored);
        Assert.Null(result.Estimate);
        Assert.Equal(0, result.Points);
        Assert.Equal(0, result.PointsInterval.High);
        Assert.Equal(28, result.Days);
        Assert.NotNull(result.Mean);
        Assert.Equal("no baseline declared (a period before the AI or a control scenario): the outcome is shown, not scored", result.Note);
    }

    [Fact]
    public void A_baseline_with_too_few_days_earns_nothing_and_says_why()
    {
        var result = OutcomeScoring.Evaluate(Queue(Before), Days(16, seed: 2), [20]);

        Assert.True(result.Scored);
        Assert.Null(result.Estimate);
        Assert.Equal(0, result.Points);
        Assert.StartsWith("missing: the baseline (the same devices before the AI was switched on, 2026-01-01 to 2026-01-29) has 1 day(s)", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_for_higher_is_better_counts_a_rise_as_improvement()
    {
        var declaration = new OutcomeDeclaration("throughput", Direction.Higher, EffectKind.Difference, Before, 0, 5, 20, null, 1);

        var result = OutcomeScoring.Evaluate(declaration, [105, 106, 104, 105, 105, 105], [100, 101, 99, 100, 100, 100]);

        Assert.Equal(5, result.Estimate!.Improvement, 9);
        Assert.Equal(result.Estimate.Effect, result.Estimate.Improvement);
        Assert.True(result.Estimate.ImprovementInterval.Low > 0);
    }
}
