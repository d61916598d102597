using System.Globalization;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation;

/// <summary>
/// The InfluxQL for one scenario and period, as one request of five statements, all aggregated by
/// InfluxDB (no raw point leaves the server):
/// 0 reports per device (count, first and last seq), listed or not;
/// 1 each KPI aggregated over the period, with its report count;
/// 2 each KPI aggregated per time bucket (the report's charts);
/// 3 reports and last seq per device and bucket (completeness per window, uptime);
/// 4 the distinct model versions.
/// </summary>
public sealed class ScenarioQuery
{
    /// <summary>Time buckets a period is split into (at least one minute each).</summary>
    public const int Buckets = 120;

    public ScenarioQuery(Scenario scenario, IReadOnlyList<KpiRubric> rubric, DemonstrationPeriod period)
    {
        Scenario = scenario;
        Rubric = rubric;
        Period = period;
        var seconds = (long)Math.Ceiling(period.Length.TotalSeconds / Buckets);
        Bucket = TimeSpan.FromSeconds(Math.Max(60, (seconds + 59) / 60 * 60));
    }

    public Scenario Scenario { get; }

    public IReadOnlyList<KpiRubric> Rubric { get; }

    public DemonstrationPeriod Period { get; }

    /// <summary>Chart and uptime bucket: period / <see cref="Buckets"/>, rounded up to whole minutes.</summary>
    public TimeSpan Bucket { get; }

    /// <summary>Number of buckets the period spans.</summary>
    public int BucketCount => (int)Math.Ceiling(Period.Length / Bucket);

    public string Text()
    {
        var scenario = $"{Q("scenario")} = {InfluxQl.StringLiteral(Scenario.Id)}";
        // A point's time is its window end, so a window belongs to the period when it ends in (from, to].
        var time = $"time > {InfluxQl.TimeLiteral(Period.From)} AND time <= {InfluxQl.TimeLiteral(Period.To)}";
        var devices = string.Join(" OR ", Scenario.Sites.SelectMany(s => s.Devices.Select(d =>
            $"({Q("site")} = {InfluxQl.StringLiteral(s.Site)} AND {Q("device")} = {InfluxQl.StringLiteral(d)})")));
        var listed = $"{scenario} AND ({devices}) AND {time}";
        var from = $" FROM {Q(Points.KpiMeasurement)} WHERE ";
        var offset = ((Period.From.ToUnixTimeSeconds() % (long)Bucket.TotalSeconds) + (long)Bucket.TotalSeconds) % (long)Bucket.TotalSeconds;
        var groupTime = $"time({(long)Bucket.TotalSeconds}s, {offset}s)";
        var periodHours = Period.Length.TotalHours;
        var bucketHours = Bucket.TotalHours;
        return string.Join("; ",
            $"SELECT count({Q("seq")}) AS n, min({Q("seq")}) AS first, max({Q("seq")}) AS last{from}{scenario} AND {time} GROUP BY {Q("site")}, {Q("device")}",
            $"SELECT {string.Join(", ", Rubric.Select((k, i) => $"{Aggregate(k, periodHours)} AS v{i}, count({Q(k.Key)}) AS n{i}"))}{from}{listed}",
            $"SELECT {string.Join(", ", Rubric.Select((k, i) => $"{Aggregate(k, bucketHours)} AS v{i}"))}{from}{listed} GROUP BY {groupTime} fill(none)",
            $"SELECT count({Q("seq")}) AS n, max({Q("seq")}) AS last{from}{listed} GROUP BY {groupTime}, {Q("site")}, {Q("device")} fill(none)",
            $"SELECT DISTINCT({Q("model")}) AS model{from}{listed}");
    }

    private static string Aggregate(KpiRubric kpi, double hours)
    {
        var field = Q(kpi.Key);
        return kpi.Aggregation switch
        {
            Aggregation.Mean => $"mean({field})",
            Aggregation.Median => $"median({field})",
            Aggregation.P5 => $"percentile({field}, 5)",
            Aggregation.P95 => $"percentile({field}, 95)",
            Aggregation.P99 => $"percentile({field}, 99)",
            Aggregation.Min => $"min({field})",
            Aggregation.Max => $"max({field})",
            Aggregation.Sum => $"sum({field})",
            Aggregation.Rate => $"sum({field}) / {hours.ToString("R", CultureInfo.InvariantCulture)}",
            Aggregation.Last => $"last({field})",
            _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi.Aggregation, "unknown aggregation"),
        };
    }

    private static string Q(string name) => InfluxQl.Identifier(name);
}
