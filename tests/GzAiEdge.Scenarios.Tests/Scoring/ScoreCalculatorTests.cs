using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Tests.Scoring;

/// <summary>Every expected number below is worked out by hand in the comment beside it.</summary>
public class ScoreCalculatorTests
{
    private static readonly KpiRubric Flow = new("vehicle_flow_per_hour", "车流", "Flow", "veh/h", Aggregation.Mean, Direction.Higher, 300, 1500, 50);
    private static readonly KpiRubric Latency = new("inference_p95_ms", "时延", "Latency", "ms", Aggregation.P95, Direction.Lower, 200, 50, 30);
    private static readonly KpiRubric Recall = new("detection_recall", "召回", "Recall", "", Aggregation.Mean, Direction.Higher, 0.8, 0.95, 20);
    private static readonly KpiRubric Shown = new("max_pedestrians_per_frame", "人数", "Crowd", "", Aggregation.Max, Direction.Higher, 10, 50, 0);
    private static readonly Gates NoGates = new(null, null, null, null);
    private static readonly GateMeasurements Measured = new(1, 1, null, 100);

    [Theory]
    [InlineData(900, 0.5)] // (900 − 300) / (1500 − 300) = 600 / 1200
    [InlineData(1500, 1)] // at target
    [InlineData(4000, 1)] // beyond target: clamped
    [InlineData(300, 0)] // at threshold
    [InlineData(100, 0)] // below threshold: clamped
    public void Higher_is_better_achievement_is_linear_from_threshold_to_target_and_clamped(double value, double expected) =>
        Assert.Equal(expected, Achievement.Of(value, Flow), 12);

    [Theory]
    [InlineData(80, 0.8)] // (200 − 80) / (200 − 50) = 120 / 150
    [InlineData(50, 1)] // at target
    [InlineData(10, 1)] // better than target: clamped
    [InlineData(200, 0)] // at threshold
    [InlineData(350, 0)] // worse than threshold: clamped
    public void Lower_is_better_achievement_counts_down_from_threshold_to_target(double value, double expected) =>
        Assert.Equal(expected, Achievement.Of(value, Latency), 12);

    [Fact]
    public void The_score_is_the_weighted_sum_of_achievements()
    {
        var score = ScoreCalculator.Score([Flow, Latency, Recall],
            Values(("vehicle_flow_per_hour", 900), ("inference_p95_ms", 80), ("detection_recall", 0.9)), NoGates, Measured);

        // 50 × 0.5 + 30 × 0.8 + 20 × (0.9 − 0.8) / 0.15 = 25 + 24 + 13.333… = 62.33
        Assert.Equal(62.33, score.Score);
        Assert.Equal([25, 24, 13.333333], score.Kpis.Select(k => Math.Round(k.Points, 6)));
        Assert.True(score.Eligible);
        Assert.False(score.Provisional);
    }

    [Fact]
    public void A_missing_kpi_scores_zero_and_keeps_its_weight()
    {
        var score = ScoreCalculator.Score([Flow, Latency, Recall],
            Values(("vehicle_flow_per_hour", 1500), ("inference_p95_ms", 50)), NoGates, Measured);

        // 50 × 1 + 30 × 1 + 20 × 0 (recall missing) = 80
        Assert.Equal(80, score.Score);
        var recall = score.Kpis[2];
        Assert.Null(recall.Value);
        Assert.Equal(0, recall.Achievement);
        Assert.StartsWith("missing", recall.Note);
    }

    [Fact]
    public void A_zero_weight_kpi_is_shown_but_adds_nothing()
    {
        var withShown = ScoreCalculator.Score([Flow with { Weight = 100 }, Shown],
            Values(("vehicle_flow_per_hour", 600), ("max_pedestrians_per_frame", 50)), NoGates, Measured);

        // 100 × (600 − 300) / 1200 = 25; the crowd KPI reaches its target (achievement 1) but weighs 0.
        Assert.Equal(25, withShown.Score);
        Assert.Equal((1.0, 0.0), (withShown.Kpis[1].Achievement, withShown.Kpis[1].Points));
        Assert.Contains("weight 0", withShown.Kpis[1].Note);
    }

    [Fact]
    public void A_failed_gate_makes_the_scenario_ineligible_and_is_named()
    {
        var gates = new Gates(0.95, 0.9, null, 100);
        var score = ScoreCalculator.Score([Flow with { Weight = 100 }], Values(("vehicle_flow_per_hour", 1500)), gates, new GateMeasurements(0.9, 0.95, null, 40));

        // Completeness 0.9 < 0.95 and 40 reports < 100 fail; uptime 0.95 ≥ 0.9 passes. The score is still shown.
        Assert.False(score.Eligible);
        Assert.Equal(["completeness", "reports"], score.FailedGates);
        Assert.Equal(GateStatus.Passed, score.Gates.Single(g => g.Gate == "uptime").Status);
        Assert.Equal("0.9 < 0.95", score.Gates[0].Note);
        Assert.Equal(100, score.Score);
    }

    [Fact]
    public void An_unchecked_verified_share_gate_is_not_evaluated_and_makes_the_result_provisional_not_passed()
    {
        var score = ScoreCalculator.Score([Flow with { Weight = 100 }], Values(("vehicle_flow_per_hour", 900)),
            new Gates(null, null, 0.99, null), new GateMeasurements(1, 1, null, 10));

        var gate = Assert.Single(score.Gates);
        Assert.Equal(("verifiedShare", GateStatus.NotEvaluated, (double?)null), (gate.Gate, gate.Status, gate.Measured));
        Assert.Contains("evidence not checked", gate.Note);
        Assert.True(score.Eligible);
        Assert.True(score.Provisional);
    }

    private static Dictionary<string, KpiMeasurement> Values(params (string Key, double Value)[] values) =>
        values.ToDictionary(v => v.Key, v => new KpiMeasurement(v.Value, 10));
}
