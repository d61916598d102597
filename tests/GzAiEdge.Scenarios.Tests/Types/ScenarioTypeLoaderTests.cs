using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Tests.Types;

public class ScenarioTypeLoaderTests
{
    // A valid type; {0} and {1} are replaced by the tests below to break one thing at a time.
    private const string Valid = """
        id: t1
        sector: city
        name: {zh: 甲, en: A}
        pipeline: traffic-detection
        requirement: {inputsPerSecond: 5, inferenceP95Ms: 100, reason: "5 fps cameras"}
        kpis:
          - key: audit_detection_recall
            label: {zh: 召回, en: Recall}
            direction: higher
            truth: audit
            threshold: 0.5
            target: 0.9
            weight: 60
            reason: {threshold: "half the objects missed", target: "the reference model's recall"}
          - key: inference_p95_ms
            label: {zh: 时延, en: Latency}
            unit: ms
            aggregation: p95
            direction: lower
            threshold: 200
            target: 100
            weight: 30
            reason: {threshold: "the frame interval", target: "the requirement"}
          - key: uptime
            label: {zh: 在线, en: Uptime}
            direction: higher
            threshold: 0.9
            target: 0.99
            weight: 10
            reason: {threshold: "the gate", target: "a restart a day"}
        gates: {completeness: 0.9, verifiedShare: 1, reports: 5}
        """;

    [Theory]
    [InlineData("uptime", null)]
    [InlineData("audit_detection_ap50", "t1.yaml:11: KPI 'audit_detection_recall': requires 'audit_detection_ap50', which is not another KPI of this type (inference_p95_ms, uptime)")]
    [InlineData("audit_detection_recall", "t1.yaml:11: KPI 'audit_detection_recall': requires 'audit_detection_recall', which is not another KPI of this type (inference_p95_ms, uptime)")]
    public void A_KPI_may_require_another_KPI_of_its_type_and_no_other(string required, string? error)
    {
        var errors = new List<string>();
        var text = Valid.Replace("    truth: audit\n", $"    truth: audit\n    requires: {required}\n", StringComparison.Ordinal);

        var type = ScenarioTypeLoader.Parse(new StringReader(text), "t1.yaml", errors);

        Assert.Equal(error is null ? [] : [error], errors);
        Assert.Equal(error is null ? required : null, type?.Kpis[0].Requires);
    }

    [Fact]
    public void A_valid_type_is_read_with_its_requirement_rubric_reasons_and_gates()
    {
        var errors = new List<string>();
        var type = ScenarioTypeLoader.Parse(new StringReader(Valid), "t1.yaml", errors);

        Assert.Empty(errors);
        Assert.NotNull(type);
        Assert.Equal(new OperatingRequirement(5, 100, "5 fps cameras"), type.Requirement);
        Assert.Equal("inference p95 ≤ 100 ms at 5 inputs/s", type.Requirement!.Text);
        Assert.Equal(
            new KpiRubric("inference_p95_ms", "时延", "Latency", "ms", Aggregation.P95, Direction.Lower, 200, 100, 30, new KpiReasons("the frame interval", "the requirement")),
            type.Kpis[1]);

        // What the cloud computes for the whole period (audits, uptime) has no window values to aggregate.
        Assert.Null(type.Kpis[0].Aggregation);
        Assert.Null(type.Kpis[2].Aggregation);
        Assert.Equal(new Gates(0.9, null, 1, 5), type.Gates);
    }

    [Fact]
    public void Every_mistake_in_a_type_is_reported_with_its_line()
    {
        var errors = new List<string>();
        var type = ScenarioTypeLoader.Parse(new StringReader("""
            id: t2
            sector: rail
            name: {zh: 乙, en: B}
            pipeline: traffic-detection
            requirement: {inputsPerSecond: 5, inferenceP95Ms: 100, reason: r}
            kpis:
              - key: defect_rate
                label: {zh: 缺陷, en: Defects}
                aggregation: mean
                direction: lower
                threshold: 0.1
                target: 0.01
                weight: 0
                reason: {threshold: a, target: b}
              - key: inference_p99_ms
                label: {zh: 时延, en: Latency}
                aggregation: average
                direction: higher
                threshold: 10
                target: 5
                weight: 40
                reason: {threshold: a, target: b}
              - key: inference_p99_ms
                label: {zh: 时延, en: Latency}
                aggregation: p99
                direction: lower
                threshold: 2
                target: 1
                weight: x
                reasons: {threshold: a, target: b}
            gates: {completeness: 1.5, speed: 1}
            """), "t2.yaml", errors);

        Assert.Null(type);
        Assert.Equal(
            [
                "t2.yaml:2: sector 'rail' is not one of traffic, manufacturing, medical, energy, city",
                "t2.yaml:7: KPI 'defect_rate' is not emitted by pipeline 'traffic-detection' (it is by visual-inspection; docs/kpis.md)",
                "t2.yaml:17: aggregation 'average' is not one of mean, median, p5, p95, p99, min, max, sum, rate, last",
                "t2.yaml:20: KPI 'inference_p99_ms': higher is better, so target (5) must be above threshold (10)",
                "t2.yaml:30: kpis: 'reasons' is not one of key, label, unit, aggregation, direction, threshold, target, weight, truth, reason, requires",
                "t2.yaml:23: KPI 'inference_p99_ms' appears twice (first at line 15)",
                "t2.yaml:29: 'weight' must be a number, not 'x'",
                "t2.yaml:23: missing 'reason.threshold'",
                "t2.yaml:7: the type's KPI weights sum to 40, they must sum to 100",
                "t2.yaml:31: gates: 'speed' is not one of completeness, uptime, verifiedShare, reports, auditFlags",
                "t2.yaml:31: gates.completeness is a share and must be within 0–1, not 1.5",
            ],
            errors);
    }

    [Theory]
    [InlineData("vehicle_flow_per_hour", "aggregation: mean", "KPI 'vehicle_flow_per_hour' is a monitoring KPI: it describes the world the device watches, so it may be shown (weight 0) but never scored (EVALUATION.md, rule 1)")]
    [InlineData("detection_precision", "aggregation: mean", "KPI 'detection_precision' is a diagnostic KPI: the device computes it from ground truth it holds itself, so it may be shown (weight 0) but never scored (EVALUATION.md, rule 2); score what audits measure instead: audit_detection_ap50, audit_detection_precision, audit_detection_recall")]
    public void A_monitoring_or_diagnostic_KPI_with_weight_is_refused_at_its_weight(string key, string aggregation, string message)
    {
        var errors = new List<string>();
        var type = ScenarioTypeLoader.Parse(new StringReader(Replace("- key: audit_detection_recall", $"- key: {key}", Replace("truth: audit", aggregation, Valid))), "t.yaml", errors);

        Assert.Null(type);
        Assert.Equal([$"t.yaml:13: {message}"], errors);
    }

    [Fact]
    public void A_monitoring_KPI_may_be_shown_with_weight_0()
    {
        var errors = new List<string>();
        var shown = Valid.Replace("gates:", """
              - key: vehicle_count
                label: {zh: 车, en: Cars}
                aggregation: sum
                direction: higher
                threshold: 1
                target: 2
                weight: 0
                reason: {threshold: a, target: b}
            gates:
            """, StringComparison.Ordinal);

        Assert.NotNull(ScenarioTypeLoader.Parse(new StringReader(shown), "t.yaml", errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("", "t.yaml:7: KPI 'audit_detection_recall' is an accuracy KPI and names no truth source: add 'truth: audit' (audit, field-audit or later-truth; EVALUATION.md)")]
    [InlineData("truth: field-audit", "t.yaml:10: KPI 'audit_detection_recall': truth 'field-audit' is not where its truth comes from; the KPI catalogue says audit")]
    public void An_accuracy_KPI_must_name_its_truth_source_and_the_right_one(string truth, string message)
    {
        var errors = new List<string>();

        Assert.Null(ScenarioTypeLoader.Parse(new StringReader(Replace("truth: audit", truth, Valid)), "t.yaml", errors));
        Assert.Equal([message], errors);
    }

    [Theory]
    [InlineData("target: 100", "target: 80", "t.yaml:21: KPI 'inference_p95_ms': target (80) must be requirement.inferenceP95Ms (100): meeting the type's stated requirement earns full points")]
    [InlineData("threshold: 200", "threshold: 250", "t.yaml:20: KPI 'inference_p95_ms': threshold (250) is beyond the input interval at requirement.inputsPerSecond (200 ms): a model that slow falls behind its input, so it must earn nothing before then")]
    [InlineData("requirement: {inputsPerSecond: 5, inferenceP95Ms: 100, reason: \"5 fps cameras\"}", "", "t.yaml:1: missing 'requirement' {inputsPerSecond, inferenceP95Ms, reason}: the rate and latency the model pipeline must sustain")]
    [InlineData("inferenceP95Ms: 100", "inferenceP95Ms: 300", "t.yaml:5: requirement.inferenceP95Ms (300) is beyond the input interval at 5 inputs/s (200 ms): the model could not keep up")]
    public void Inference_p95_is_scored_against_the_stated_requirement(string from, string to, string message)
    {
        var errors = new List<string>();

        Assert.Null(ScenarioTypeLoader.Parse(new StringReader(Replace(from, to, Valid)), "t.yaml", errors));
        Assert.Equal([message], errors);
    }

    [Theory]
    [InlineData("reason: {threshold: \"the gate\", target: \"a restart a day\"}", "", "t.yaml:24: missing 'reason.threshold'")]
    [InlineData("direction: higher\n    threshold: 0.9", "aggregation: mean\n    direction: higher\n    threshold: 0.9", "t.yaml:26: KPI 'uptime' is computed by the cloud for the whole period, so it takes no aggregation")]
    public void Every_threshold_and_target_gives_its_reason_and_a_computed_KPI_no_aggregation(string from, string to, string message)
    {
        var errors = new List<string>();

        Assert.Null(ScenarioTypeLoader.Parse(new StringReader(Replace(from, to, Valid)), "t.yaml", errors));
        Assert.Equal([message], errors);
    }

    [Theory]
    [InlineData("mean_speed_kmh", "KPI 'mean_speed_kmh' is not emitted by pipeline 'traffic-detection' (only by simulation traffic; docs/kpis.md)")]
    [InlineData("audit_anomaly_auroc", "KPI 'audit_anomaly_auroc' is not computed for pipeline 'traffic-detection' (only for vibration-anomaly; docs/kpis.md)")]
    [InlineData("queue_length", "KPI 'queue_length' is not in the KPI catalogue (docs/kpis.md)")]
    public void A_rubric_may_score_only_what_its_pipeline_emits_or_the_cloud_computes_for_it(string key, string message)
    {
        var errors = new List<string>();
        var type = ScenarioTypeLoader.Parse(new StringReader(Replace("- key: audit_detection_recall", $"- key: {key}", Valid)), "t.yaml", errors);

        Assert.Null(type);
        Assert.Equal([$"t.yaml:7: {message}"], errors);
    }

    [Theory]
    [InlineData("{reports: 5, auditFlags: [field_model_matches, repeats_identical]}", "")]
    [InlineData("{reports: 5, auditFlags: field_model_matches}", "t.yaml:31: gates.auditFlags must be a list of audit flag names, e.g. [field_model_matches, repeats_identical]")]
    [InlineData("{reports: 5, auditFlags: [Model-Matches, a, a]}", "t.yaml:31: gates.auditFlags: 'Model-Matches' is not an audit flag name (lower case, digits and _)|t.yaml:31: gates.auditFlags: 'a' appears twice")]
    public void Audit_flags_a_type_gates_on_are_a_list_of_flag_names(string gates, string messages)
    {
        var errors = new List<string>();
        var type = ScenarioTypeLoader.Parse(new StringReader(Replace("{completeness: 0.9, verifiedShare: 1, reports: 5}", gates, Valid)), "t.yaml", errors);

        Assert.Equal(messages.Length == 0 ? [] : messages.Split('|'), errors);
        Assert.Equal(messages.Length == 0, type is not null);
        Assert.Equal(messages.Length == 0 ? ["field_model_matches", "repeats_identical"] : null, type?.Gates.AuditFlags);
    }

    // Replaces the one occurrence of from (at an item's indentation, so a test cannot change the wrong line).
    private static string Replace(string from, string to, string yaml)
    {
        var at = yaml.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && yaml.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur once in the test's type");
        return yaml[..at] + to + yaml[(at + from.Length)..];
    }
}
