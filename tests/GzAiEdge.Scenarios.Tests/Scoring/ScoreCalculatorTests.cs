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

    [Fact]
    public void An_audit_metric_interval_goes_through_the_linear_achievement_and_the_weights_into_the_score_interval()
    {
        var ap = new KpiRubric("audit_detection_ap50", "AP", "AP", "", null, Direction.Higher, 0.6, 0.9, 50);
        var tta = new KpiRubric("audit_time_to_alert_s", "时延", "Time to alert", "s", null, Direction.Lower, 60, 15, 20);
        var measured = new Dictionary<string, KpiMeasurement>
        {
            ["audit_detection_ap50"] = new(0.8, 0, new Interval(0.75, 0.95), Source: "audit a-1"),
            ["audit_time_to_alert_s"] = new(30, 0, new Interval(20, 45), Source: "audit a-1"),
            ["inference_p95_ms"] = new(80, 10),
        };

        var score = ScoreCalculator.Score([ap, tta, Latency], measured, NoGates, Measured);

        // AP: 50 × (0.8 − 0.6) / 0.3 = 33.333; its interval 0.75 → 25, 0.95 → clamped to 1 → 50.
        // Time to alert (lower is better): 20 × (60 − 30) / 45 = 13.333; 45 s → 6.667, 20 s → 17.778.
        // Latency has no interval: 30 × 0.8 = 24 at both ends. Score 70.67 in [55.67, 91.78].
        Assert.Equal(70.67, score.Score);
        Assert.Equal(new Interval(55.67, 91.78), score.Interval);
        Assert.Equal(new Interval(25, 50), Rounded(score.Kpis[0].PointsInterval));
        Assert.Equal(new Interval(6.666667, 17.777778), Rounded(score.Kpis[1].PointsInterval));
        Assert.Equal(Interval.At(24), score.Kpis[2].PointsInterval);
        Assert.Contains("audit a-1", score.Kpis[0].Note);
    }

    [Fact]
    public void A_KPI_whose_audit_covers_only_some_devices_earns_that_share_and_keeps_the_result_provisional()
    {
        var recall = Recall with { Key = "audit_detection_recall", Aggregation = null, Weight = 100 };
        var measured = new Dictionary<string, KpiMeasurement>
        {
            ["audit_detection_recall"] = new(0.95, 0, new Interval(0.9, 0.97), 0.5, "audit a-1 (cam-01); cam-02 has no valid audit", "cam-02 has no valid audit in the period"),
        };

        var score = ScoreCalculator.Score([recall], measured, NoGates, Measured);

        // At target (achievement 1) × 100 × coverage 0.5 = 50; the interval's low end 0.9 → 0.667 × 50 = 33.33.
        Assert.Equal(50, score.Score);
        Assert.Equal(new Interval(33.33, 50), score.Interval);
        Assert.True(score.Provisional);
        Assert.Equal(["audit_detection_recall: cam-02 has no valid audit in the period"], score.ProvisionalBecause);
        Assert.Contains("points × 0.5", score.Kpis[0].Note);
    }

    [Fact]
    public void A_missing_audit_scores_zero_with_no_interval_and_says_why_the_result_is_provisional()
    {
        var recall = Recall with { Key = "audit_detection_recall", Aggregation = null, Weight = 100 };
        var measured = new Dictionary<string, KpiMeasurement>
        {
            ["audit_detection_recall"] = new(null, 0, Coverage: 0, Source: "no valid audit in the period", Provisional: "no valid audit in the period"),
        };

        var score = ScoreCalculator.Score([recall], measured, NoGates, Measured);

        Assert.Equal((0.0, Interval.At(0)), (score.Score, score.Interval));
        Assert.Equal("missing: no valid audit in the period, achievement 0", score.Kpis[0].Note);
        Assert.True(score.Provisional);
    }

    [Theory]
    // A detector that boxes everything: recall at target, AP below its threshold, so recall earns nothing.
    [InlineData(0.99, 0.97, 1.0, 0.3, 0.25, 0.35, 0, 0, 0)]
    // A real detector: AP 0.8 in [0.75, 0.85] is past 0.6, so recall earns 40 × (0.92 − 0.8) / 0.15 = 32 in [24, 40].
    [InlineData(0.92, 0.89, 0.95, 0.8, 0.75, 0.85, 32, 24, 40)]
    // AP 0.65 whose interval reaches below 0.6: recall counts (32) but its interval starts at nothing.
    [InlineData(0.92, 0.89, 0.95, 0.65, 0.55, 0.7, 32, 0, 40)]
    public void A_KPI_that_requires_another_earns_only_while_the_other_is_past_its_threshold(
        double recall, double recallLow, double recallHigh, double ap, double apLow, double apHigh, double points, double low, double high)
    {
        var apRubric = new KpiRubric("audit_detection_ap50", "AP", "AP", "", null, Direction.Higher, 0.6, 0.9, 60);
        var recallRubric = new KpiRubric("audit_detection_recall", "召回", "Recall", "", null, Direction.Higher, 0.8, 0.95, 40, Requires: "audit_detection_ap50");
        var measured = new Dictionary<string, KpiMeasurement>
        {
            ["audit_detection_ap50"] = new(ap, 0, new Interval(apLow, apHigh), Source: "audit a-1"),
            ["audit_detection_recall"] = new(recall, 0, new Interval(recallLow, recallHigh), Source: "audit a-1"),
        };

        var kpi = ScoreCalculator.Score([apRubric, recallRubric], measured, NoGates, Measured).Kpis[1];

        Assert.Equal((points, low, high), (Math.Round(kpi.Points, 6), Math.Round(kpi.PointsInterval.Low, 6), Math.Round(kpi.PointsInterval.High, 6)));
        Assert.Equal(points == 0, kpi.Note.Contains("counts only when audit_detection_ap50 is past its threshold", StringComparison.Ordinal));
    }

    private static Interval Rounded(Interval i) => new(Math.Round(i.Low, 6), Math.Round(i.High, 6));

    private static Dictionary<string, KpiMeasurement> Values(params (string Key, double Value)[] values) =>
        values.ToDictionary(v => v.Key, v => new KpiMeasurement(v.Value, 10));
}
