using System.Globalization;
using System.Text;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>
/// CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the Chinese names): one row per
/// scenario and KPI, with the scenario's score, rank and gates repeated, so one sheet can be
/// filtered and pivoted without joins.
/// </summary>
public static class CsvExport
{
    private static readonly string[] Header =
    [
        "rank", "scenario", "name_zh", "name_en", "sector", "type", "provider", "from", "to", "score", "eligible", "provisional",
        "failed_gates", "completeness", "uptime", "reports_used", "kpi", "aggregation", "direction", "value", "threshold", "target",
        "achievement", "weight", "points", "kpi_reports", "catalogue_version", "rubric_version", "evidence",
    ];

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
                    e.Period.From.UtcDateTime.ToString("O"), e.Period.To.UtcDateTime.ToString("O"), N(e.Score.Score), B(e.Score.Eligible), B(e.Score.Provisional),
                    string.Join(' ', e.Score.FailedGates), N(e.Completeness), N(e.Uptime), N(e.Reports.Used), k.Rubric.Key,
                    k.Rubric.Aggregation.ToString().ToLowerInvariant(), k.Rubric.Direction.ToString().ToLowerInvariant(), N(k.Value), N(k.Rubric.Threshold),
                    N(k.Rubric.Target), N(ScenarioEvaluator.Round(k.Achievement)), N(k.Rubric.Weight), N(ScenarioEvaluator.Round(k.Points)), N(k.Reports),
                    programme.Programme.CatalogueVersion, programme.Programme.RubricVersion, e.Evidence,
                ]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "true" : "false";
}
