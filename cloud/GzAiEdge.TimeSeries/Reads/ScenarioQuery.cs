using System.Globalization;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// The InfluxQL for one scenario and period, as one request of six statements, all aggregated by
/// InfluxDB (no raw point leaves the server). <see cref="ScenarioReader"/> sends it and names what
/// each statement answers (<see cref="ScenarioData"/>):
/// 0 reports per device (count, first and last seq), listed or not;
/// 1 each device-reported KPI of the rubric aggregated over the period, with its report count;
/// 2 each device-reported KPI aggregated per time bucket (the report's charts);
/// 3 reports and last seq per device and bucket (completeness per window, uptime);
/// 4 the distinct model versions;
/// 5 heartbeats per listed device and bucket (uptime: a device heard from, even in a bucket its reports missed).
/// The rubric's KPIs the cloud computes (<see cref="KpiRubric.Definition"/>) are not stored fields, so none is queried.
/// </summary>
public sealed class ScenarioQuery
{
    /// <summary>Time buckets a period is split into (at least one minute each).</summary>
    public const int Buckets = 120;

    /// <summary>InfluxQL statements in <see cref="Text"/>.</summary>
    public const int Statements = 6;

    // The columns each statement answers with, by the AS names below.
    internal const string Count = "n", First = "first", Last = "last", ModelColumn = "model";

    public ScenarioQuery(Scenario scenario, IReadOnlyList<KpiRubric> rubric, DemonstrationPeriod period)
    {
        Scenario = scenario;
        Rubric = [.. rubric.Where(k => k.Definition is not { ComputedByPlatform: true })];
        Period = period;
        var seconds = (long)Math.Ceiling(period.Length.TotalSeconds / Buckets);
        Bucket = TimeSpan.FromSeconds(Math.Max(60, (seconds + 59) / 60 * 60));
    }

    public Scenario Scenario { get; }

    /// <summary>The rubric's KPIs that devices report, in rubric order: what statements 1 and 2 aggregate.</summary>
    public IReadOnlyList<KpiRubric> Rubric { get; }

    public DemonstrationPeriod Period { get; }

    /// <summary>Chart and uptime bucket: period / <see cref="Buckets"/>, rounded up to whole minutes.</summary>
    public TimeSpan Bucket { get; }

    /// <summary>Number of buckets the period spans.</summary>
    public int BucketCount => (int)Math.Ceiling(Period.Length / Bucket);

    public string Text()
    {
        var scenario = Conditions.Is(Tag.Scenario, Scenario.Id);
        // A point's time is its window end, so a window belongs to the period when it ends in (from, to].
        var time = $"time > {InfluxQl.TimeLiteral(Period.From)} AND time <= {InfluxQl.TimeLiteral(Period.To)}";
        var devices = string.Join(" OR ", Scenario.Sites.SelectMany(s => s.Devices.Select(d => $"({Conditions.Device(s.Site, d)})")));
        var listed = $"{scenario} AND ({devices}) AND {time}";
        var from = $" {Conditions.From(Measurement.Kpi)} WHERE ";
        var offset = ((Period.From.ToUnixTimeSeconds() % (long)Bucket.TotalSeconds) + (long)Bucket.TotalSeconds) % (long)Bucket.TotalSeconds;
        var groupTime = $"time({(long)Bucket.TotalSeconds}s, {offset}s)";
        var byDevice = $"{Q(Tag.Site)}, {Q(Tag.Device)}";
        var seq = Q(KpiField.Seq);
        var periodHours = Period.Length.TotalHours;
        var bucketHours = Bucket.TotalHours;

        // A rubric with no device-reported KPI still sends both statements (a count of reports), so that statement
        // numbers stay fixed.
        var totals = Rubric.Count == 0 ? $"count({seq}) AS {Count}" : string.Join(", ", Rubric.Select((k, i) => $"{Aggregate(k, periodHours)} AS {ValueColumn(i)}, count({Q(k.Key)}) AS {CountColumn(i)}"));
        var perBucket = Rubric.Count == 0 ? $"count({seq}) AS {Count}" : string.Join(", ", Rubric.Select((k, i) => $"{Aggregate(k, bucketHours)} AS {ValueColumn(i)}"));
        var heartbeats = $"({devices}) AND {time}";
        return string.Join("; ",
            $"SELECT count({seq}) AS {Count}, min({seq}) AS {First}, max({seq}) AS {Last}{from}{scenario} AND {time} GROUP BY {byDevice}",
            $"SELECT {totals}{from}{listed}",
            $"SELECT {perBucket}{from}{listed} GROUP BY {groupTime} fill(none)",
            $"SELECT count({seq}) AS {Count}, max({seq}) AS {Last}{from}{listed} GROUP BY {groupTime}, {byDevice} fill(none)",
            $"SELECT DISTINCT({Q(KpiField.Model)}) AS {ModelColumn}{from}{listed}",
            $"SELECT count({Q(HeartbeatField.UptimeSeconds)}) AS {Count} {Conditions.From(Measurement.Heartbeat)} WHERE {heartbeats} GROUP BY {groupTime}, {byDevice} fill(none)");
    }

    /// <summary>The column of the rubric's i-th KPI aggregated (statements 1 and 2).</summary>
    internal static string ValueColumn(int i) => $"v{i}";

    /// <summary>The column of the rubric's i-th KPI's report count (statement 1).</summary>
    internal static string CountColumn(int i) => $"n{i}";

    private static string Aggregate(KpiRubric kpi, double hours)
    {
        var field = Q(kpi.Key);
        var aggregation = kpi.Aggregation ?? throw new ArgumentException($"KPI '{kpi.Key}' is reported by devices and needs an aggregation", nameof(kpi));
        return aggregation switch
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
