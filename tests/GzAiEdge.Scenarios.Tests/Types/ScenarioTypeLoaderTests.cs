using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Tests.Types;

public class ScenarioTypeLoaderTests
{
    [Fact]
    public void A_valid_type_is_read_with_its_rubric_and_gates()
    {
        var errors = new List<string>();
        var type = ScenarioTypeLoader.Parse(new StringReader("""
            id: t1
            sector: city
            name: {zh: 甲, en: A}
            pipeline: traffic-detection
            kpis:
              - key: detection_recall
                label: {zh: 召回, en: Recall}
                aggregation: mean
                direction: higher
                threshold: 0.5
                target: 0.9
                weight: 70
              - key: inference_p95_ms
                label: {zh: 时延, en: Latency}
                unit: ms
                aggregation: p95
                direction: lower
                threshold: 200
                target: 50
                weight: 30
            gates: {completeness: 0.9, verifiedShare: 1, reports: 5}
            """), "t1.yaml", errors);

        Assert.Empty(errors);
        Assert.NotNull(type);
        Assert.Equal(new KpiRubric("inference_p95_ms", "时延", "Latency", "ms", Aggregation.P95, Direction.Lower, 200, 50, 30), type.Kpis[1]);
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
            kpis:
              - key: defect_rate
                label: {zh: 缺陷, en: Defects}
                aggregation: mean
                direction: lower
                threshold: 0.1
                target: 0.01
                weight: 50
              - key: vehicle_count
                label: {zh: 车, en: Cars}
                aggregation: average
                direction: higher
                threshold: 10
                target: 5
                weight: 40
              - key: vehicle_count
                label: {zh: 车, en: Cars}
                aggregation: sum
                direction: higher
                threshold: 1
                target: 2
                weight: x
            gates: {completeness: 1.5, speed: 1}
            """), "t2.yaml", errors);

        Assert.Null(type);
        Assert.Equal(
            [
                "t2.yaml:2: sector 'rail' is not one of traffic, manufacturing, medical, city",
                "t2.yaml:6: KPI 'defect_rate' is not emitted by pipeline 'traffic-detection' (it is by visual-inspection; docs/kpis.md)",
                "t2.yaml:15: aggregation 'average' is not one of mean, median, p5, p95, p99, min, max, sum, rate, last",
                "t2.yaml:18: KPI 'vehicle_count': higher is better, so target (5) must be above threshold (10)",
                "t2.yaml:20: KPI 'vehicle_count' appears twice (first at line 13)",
                "t2.yaml:26: 'weight' must be a number, not 'x'",
                "t2.yaml:6: the type's KPI weights sum to 50, they must sum to 100",
                "t2.yaml:27: gates: 'speed' is not one of completeness, uptime, verifiedShare, reports",
                "t2.yaml:27: gates.completeness is a share and must be within 0–1, not 1.5",
            ],
            errors);
    }

    [Theory]
    [InlineData("mean_speed_kmh", "KPI 'mean_speed_kmh' is not emitted by pipeline 'traffic-detection' (only by simulation traffic; docs/kpis.md)")]
    [InlineData("uptime", "KPI 'uptime' is computed by the platform, not emitted by pipeline 'traffic-detection'; set it as a gate instead (docs/kpis.md)")]
    [InlineData("queue_length", "KPI 'queue_length' is not in the KPI catalogue (docs/kpis.md)")]
    public void A_rubric_may_score_only_what_its_pipeline_emits_by_the_KPI_catalogue(string key, string message)
    {
        var errors = new List<string>();
        var type = ScenarioTypeLoader.Parse(new StringReader($$"""
            id: t3
            sector: traffic
            name: {zh: 丙, en: C}
            pipeline: traffic-detection
            kpis:
              - key: vehicle_count
                label: {zh: 车, en: Cars}
                aggregation: sum
                direction: higher
                threshold: 1
                target: 2
                weight: 50
              - key: {{key}}
                label: {zh: 乙, en: B}
                aggregation: mean
                direction: higher
                threshold: 1
                target: 2
                weight: 50
            gates: {reports: 1}
            """), "t3.yaml", errors);

        Assert.Null(type);
        Assert.Equal([$"t3.yaml:13: {message}"], errors);
    }
}
