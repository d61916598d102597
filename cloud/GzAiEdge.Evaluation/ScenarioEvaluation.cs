using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Evaluation;

/// <summary>A scenario scored over a period, with everything that explains the score, including the audits its accuracy KPIs came from.</summary>
public sealed record ScenarioEvaluation(
    Scenario Scenario,
    ScenarioType Type,
    DemonstrationPeriod Period,
    TimeSpan Bucket,
    ScenarioScore Score,
    ReportCounts Reports,
    IReadOnlyList<DeviceCompleteness> Devices,
    double? Completeness,
    double? Uptime,
    string Evidence,
    IReadOnlyList<string> Models,
    IReadOnlyList<KpiSeries> Series,
    IReadOnlyList<ListedAudit> Audits);

/// <summary>A listed device and its latest valid audit in the period, or null when it has none.</summary>
public sealed record ListedAudit(string Site, string Device, DeviceAudit? Audit);

/// <summary>Reports in the period: used for scoring, and excluded with the reason.</summary>
public sealed record ReportCounts(long Used, IReadOnlyList<ExcludedReports> Excluded);

/// <param name="Site">Site of the excluded device.</param>
/// <param name="Device">The excluded device.</param>
/// <param name="Count">Its reports in the period.</param>
/// <param name="Reason">Why they do not count.</param>
public sealed record ExcludedReports(string Site, string Device, long Count, string Reason);

/// <summary>One listed device's delivery over the period and per time bucket.</summary>
/// <param name="Received">Reports stored.</param>
/// <param name="Expected">Reports the device sent, from its gap-free seq (last − first + 1); 0 when silent.</param>
/// <param name="FirstSeq">Smallest seq stored in the period.</param>
/// <param name="LastSeq">Largest seq stored in the period.</param>
/// <param name="Uptime">Share of the period's buckets in which the device sent a heartbeat or a report.</param>
/// <param name="VerifiedShare">Verified / checked reports; null when evidence is not checked.</param>
/// <param name="Windows">Per bucket with reports: received and expected (seq advance since the previous bucket).</param>
public sealed record DeviceCompleteness(
    string Site,
    string Device,
    long Received,
    long Expected,
    long? FirstSeq,
    long? LastSeq,
    double Uptime,
    double? VerifiedShare,
    IReadOnlyList<WindowCompleteness> Windows)
{
    /// <summary>Received / expected, at most 1; 0 for a silent device.</summary>
    public double Completeness => Expected == 0 ? 0 : Math.Min(1, (double)Received / Expected);
}

/// <param name="Start">Bucket start (UTC).</param>
/// <param name="Received">Reports stored in the bucket.</param>
/// <param name="Expected">How far the device's seq advanced in the bucket.</param>
public sealed record WindowCompleteness(DateTimeOffset Start, long Received, long Expected);

/// <summary>One KPI per time bucket, aggregated the same way as over the whole period.</summary>
public sealed record KpiSeries(string Key, IReadOnlyList<(DateTimeOffset Start, double Value)> Points);
