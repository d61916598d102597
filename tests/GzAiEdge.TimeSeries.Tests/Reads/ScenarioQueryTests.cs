using System.Text.RegularExpressions;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.TimeSeries.Tests.Reads;

public partial class ScenarioQueryTests
{
    private static readonly Scenario Scenario = new("s-1", Sector.Traffic, "t", "甲", "A")
    {
        Sites = [new ScenarioSite("site-1", ["cam-01", "cam-02"])],
    };

    private static readonly KpiRubric[] Rubric =
    [
        new("inference_p95_ms", "时延", "Latency", "ms", Aggregation.P95, Direction.Lower, 200, 50, 50),
        new("uptime", "在线率", "Uptime", "", null, Direction.Higher, 0.9, 0.99, 0),
        new("pedestrian_count", "行人", "Pedestrians", "", Aggregation.Rate, Direction.Higher, 10, 100, 50),
        new("audit_detection_recall", "召回", "Recall", "", null, Direction.Higher, 0.8, 0.95, 0),
    ];

    [Fact]
    public void Every_statement_aggregates_on_the_server_and_a_30_day_period_has_6_hour_buckets()
    {
        var period = new DemonstrationPeriod(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero));
        var query = new ScenarioQuery(Scenario, Rubric, period);
        var statements = query.Text().Split("; ");

        // 30 days / 120 = 6 h; 720 h of period for the rate.
        Assert.Equal(TimeSpan.FromHours(6), query.Bucket);
        Assert.Equal(120, query.BucketCount);
        Assert.Equal(6, statements.Length);
        Assert.All(statements, s => Assert.Matches(SelectOfFunctions(), s));

        // What the cloud computes (uptime, audit results) is no stored field: only device-reported KPIs are aggregated.
        Assert.Equal(["inference_p95_ms", "pedestrian_count"], query.Rubric.Select(k => k.Key));
        Assert.DoesNotContain("\"uptime\"", query.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("audit_", query.Text(), StringComparison.Ordinal);
        Assert.Contains("percentile(\"inference_p95_ms\", 95) AS v0", statements[1], StringComparison.Ordinal);
        Assert.Contains("sum(\"pedestrian_count\") / 720 AS v1", statements[1], StringComparison.Ordinal);
        Assert.Contains("sum(\"pedestrian_count\") / 6 AS v1", statements[2], StringComparison.Ordinal);
        Assert.Contains("((\"site\" = 'site-1' AND \"device\" = 'cam-01') OR (\"site\" = 'site-1' AND \"device\" = 'cam-02'))", statements[1], StringComparison.Ordinal);
        Assert.Contains("time > '2026-03-01T00:00:00.0000000Z' AND time <= '2026-03-31T00:00:00.0000000Z'", statements[0], StringComparison.Ordinal);
        Assert.Contains("GROUP BY time(21600s, 0s)", statements[3], StringComparison.Ordinal);
        Assert.StartsWith("SELECT count(\"uptime_s\") AS n FROM \"heartbeat\" WHERE ((\"site\" = 'site-1' AND \"device\" = 'cam-01') OR", statements[5], StringComparison.Ordinal);
        Assert.EndsWith("GROUP BY time(21600s, 0s), \"site\", \"device\" fill(none)", statements[5], StringComparison.Ordinal);
    }

    [Fact]
    public void A_rubric_of_computed_KPIs_only_still_sends_every_statement()
    {
        var period = new DemonstrationPeriod(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        var statements = new ScenarioQuery(Scenario, [Rubric[1], Rubric[3]], period).Text().Split("; ");

        Assert.Equal(6, statements.Length);
        Assert.All(statements, s => Assert.Matches(SelectOfFunctions(), s));
        Assert.StartsWith("SELECT count(\"seq\") AS n FROM \"kpi\"", statements[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Short_periods_use_one_minute_buckets_aligned_to_the_period_start()
    {
        var from = new DateTimeOffset(2026, 3, 1, 0, 0, 25, TimeSpan.Zero);
        var query = new ScenarioQuery(Scenario, Rubric, new DemonstrationPeriod(from, from.AddMinutes(5)));

        Assert.Equal(TimeSpan.FromMinutes(1), query.Bucket);
        Assert.Equal(5, query.BucketCount);
        Assert.Contains("GROUP BY time(60s, 25s)", query.Text(), StringComparison.Ordinal);
    }

    // Every item of the SELECT list is a function call (with arithmetic on its result): never a bare field.
    [GeneratedRegex("""^SELECT ((count|min|max|mean|median|sum|last|DISTINCT)\("[a-z0-9_]+"\)|percentile\("[a-z0-9_]+", \d+\))( / [0-9.]+)? AS \w+(, ((count|min|max|mean|median|sum|last|DISTINCT)\("[a-z0-9_]+"\)|percentile\("[a-z0-9_]+", \d+\))( / [0-9.]+)? AS \w+)* FROM """)]
    private static partial Regex SelectOfFunctions();
}
