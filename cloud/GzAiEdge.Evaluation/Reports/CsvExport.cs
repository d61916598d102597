using System.Globalization;
using System.Text;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>
/// CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the Chinese names): one row per
/// scenario and KPI, with the scenario's score, its interval, rank and gates repeated, so one sheet can be
/// filtered and pivoted without joins; and beside it one row per audited device and metric.
/// </summary>
public static class CsvExport
{
    private static readonly string[] Header =
    [
        "rank", "scenario", "name_zh", "name_en", "sector", "type", "provider", "from", "to", "score", "score_low", "score_high", "eligible", "provisional",
        "failed_gates", "completeness", "uptime", "reports_used", "kpi", "kind", "aggregation", "direction", "value", "value_low", "value_high", "threshold", "target",
        "achievement", "weight", "coverage", "points", "points_low", "points_high", "kpi_reports", "catalogue_version", "rubric_version", "evidence",
    ];

    private static readonly string[] AuditHeader =
    [
        "scenario", "site", "device", "audit", "pipeline", "test_set", "test_set_version", "test_set_sha256", "answered", "model", "model_version", "model_sha256",
        "metric", "value", "low", "high", "items", "flags_failed", "flags_not_checked",
    ];

    /// <summary>The scores: one row per scenario and KPI.</summary>
    public static byte[] Write(ProgrammeEvaluation programme)
    {
        var ranks = programme.Leaderboard.ToDictionary(r => r.Candidate.ScenarioId, r => r.Rank, StringComparer.Ordinal);
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var e in programme.Scenarios)
        {
            var s = e.Scenario;
            foreach (var k in e.Score.Kpis)
            {
                Row(csv,
                [
                    ranks.TryGetValue(s.Id, out var rank) ? N(rank) : string.Empty, s.Id, s.NameZh, s.NameEn, s.SectorTag, s.Type, s.Provider ?? string.Empty,
                    e.Period.From.UtcDateTime.ToString("O"), e.Period.To.UtcDateTime.ToString("O"), N(e.Score.Score), N(e.Score.Interval.Low), N(e.Score.Interval.High),
                    B(e.Score.Eligible), B(e.Score.Provisional), string.Join(' ', e.Score.FailedGates), N(e.Completeness), N(e.Uptime), N(e.Reports.Used), k.Rubric.Key,
                    k.Rubric.Definition?.Kind.Text() ?? string.Empty, k.Rubric.Aggregation?.ToString().ToLowerInvariant() ?? string.Empty,
                    k.Rubric.Direction.ToString().ToLowerInvariant(), N(k.Value), N(k.ValueInterval?.Low), N(k.ValueInterval?.High), N(k.Rubric.Threshold),
                    N(k.Rubric.Target), N(ScenarioEvaluator.Round(k.Achievement)), N(k.Rubric.Weight), N(k.Coverage), N(ScenarioEvaluator.Round(k.Points)),
                    N(Round(k.PointsInterval).Low), N(Round(k.PointsInterval).High), N(k.Reports), programme.Programme.CatalogueVersion, programme.Programme.RubricVersion,
                    e.Evidence,
                ]);
            }
        }

        return Bytes(csv);
    }

    /// <summary>The audits behind the accuracy KPIs: one row per scenario, listed device and metric (a device without an audit: one row, empty).</summary>
    public static byte[] WriteAudits(ProgrammeEvaluation programme)
    {
        var csv = new StringBuilder();
        Row(csv, AuditHeader);
        foreach (var e in programme.Scenarios)
        {
            foreach (var (site, device, audit) in e.Audits)
            {
                if (audit is null)
                {
                    Row(csv, [e.Scenario.Id, site, device, .. Enumerable.Repeat(string.Empty, AuditHeader.Length - 3)]);
                    continue;
                }

                var failed = string.Join(' ', audit.Flags.Where(f => f.Passed == false).Select(f => f.Name));
                var notChecked = string.Join(' ', audit.Flags.Where(f => f.Passed is null).Select(f => f.Name));
                foreach (var (key, metric) in audit.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    Row(csv,
                    [
                        e.Scenario.Id, site, device, audit.AuditId, audit.Pipeline, audit.TestSet.Name, audit.TestSet.Version, audit.TestSet.Sha256,
                        audit.Answered.UtcDateTime.ToString("O"), audit.Model.Name, audit.Model.Version, audit.Model.Sha256, key, N(metric.Value), N(metric.Low),
                        N(metric.High), N(metric.Items), failed, notChecked,
                    ]);
                }
            }
        }

        return Bytes(csv);
    }

    private static Interval Round(Interval i) => new(ScenarioEvaluator.Round(i.Low), ScenarioEvaluator.Round(i.High));

    private static byte[] Bytes(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

    private static void Row(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "true" : "false";
}
