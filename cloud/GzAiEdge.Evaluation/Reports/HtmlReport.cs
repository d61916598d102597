using System.Text;
using GzAiEdge.Scenarios.Ranking;
using static GzAiEdge.Evaluation.Reports.Html;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>
/// The evaluation report as one self-contained HTML file (inline CSS and SVG, no script, nothing
/// fetched), every heading and label in Chinese and English. A programme report is its summary
/// (leaderboard, benchmarks, ineligible) followed by one page per scenario.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        @page { size: A4; margin: 10mm; }
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 9.5px; color: #222; margin: 0; }
        h1 { font-size: 17px; margin: 0 0 4px; } h2 { font-size: 12px; margin: 7px 0 3px; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 6px; }
        th, td { border: 1px solid #ccc; padding: 1px 3px; text-align: left; vertical-align: top; } .nowrap { white-space: nowrap; }
        th { background: #eef2f7; } .num { text-align: right; }
        .meta { color: #555; } .warn { color: #b71c1c; font-weight: bold; } .basis { color: #555; font-size: 8px; margin: 0 0 6px; }
        .score { font-size: 22px; font-weight: bold; } .failed { color: #b71c1c; } .passed { color: #2e7d32; } .pending { color: #e65100; }
        .charts { display: flex; flex-wrap: wrap; gap: 6px; } .chart { width: 340px; } .chart p { margin: 0; font-weight: bold; }
        section.page { break-before: page; }
        """;

    public static string Scenario(ScenarioEvaluation evaluation, string catalogueVersion, string rubricVersion)
    {
        var html = Begin($"{evaluation.Scenario.NameZh} / {evaluation.Scenario.NameEn}");
        html.Append("<section>");
        HtmlScenario.Body(html, evaluation, catalogueVersion, rubricVersion);
        return html.Append("</section></body></html>\n").ToString();
    }

    public static string Programme(ProgrammeEvaluation programme, int top)
    {
        var p = programme.Programme;
        var html = Begin("评估报告 Programme evaluation report");
        html.Append("<section><h1>试验场景评估报告 Programme evaluation report</h1>");
        html.Append(Inv($"<p class=\"meta\">目录版本 Catalogue {E(p.CatalogueVersion)} · 评分规则版本 Rubric {E(p.RubricVersion)} · 场景数 Scenarios evaluated {programme.Scenarios.Count}<br>"));
        html.Append(Inv($"模型版本 Model versions seen: {E(Join(programme.Models))}</p>"));
        Evidence(html, programme.Evidence);
        html.Append(Inv($"<h2>排行榜（前 {top}）Leaderboard (top {top})</h2>"));
        html.Append("<p class=\"meta\">排序：无门槛失败的场景按得分降序；同分按完整率降序，再按场景编号；得分区间重叠者为统计并列。Order: eligible scenarios (no failed gate) by score; ties by completeness, then scenario id; places whose score intervals overlap are statistical ties.<br>");
        html.Append(Inv($"区间 Interval: {E(ScenarioJsonParts.IntervalRule)}.</p>"));
        Ranked(html, programme, Leaderboard.Top(programme.Leaderboard, top));
        html.Append("<h2>年度标杆场景 Benchmark scenarios</h2>");
        html.Append("<p class=\"meta\">规则：先取每个领域排名最高的合格场景，再按排名补足。Rule: the best eligible scenario of each sector first, then the next best by rank.</p>");
        Ranked(html, programme, programme.Benchmarks);
        html.Append("<h2>不合格 Ineligible (a gate failed)</h2><table><tr><th>场景 Scenario</th><th>得分 Score</th><th>未通过门槛 Failed gates</th></tr>");
        foreach (var s in programme.Scenarios.Where(s => !s.Score.Eligible))
        {
            html.Append(Inv($"<tr><td>{E(s.Scenario.Id)}</td><td class=\"num\">{s.Score.Score:0.00}</td><td>{E(Join(s.Score.FailedGates))}</td></tr>"));
        }

        html.Append("</table></section>");
        foreach (var s in programme.Scenarios)
        {
            html.Append("<section class=\"page\">");
            HtmlScenario.Body(html, s, p.CatalogueVersion, p.RubricVersion);
            html.Append("</section>");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Ranked(StringBuilder html, ProgrammeEvaluation programme, IEnumerable<RankedScenario> ranked)
    {
        html.Append("<table><tr><th>名次 Rank</th><th>场景 Scenario</th><th>领域 Sector</th><th>得分 Score [区间 interval]</th><th>完整率 Completeness</th><th>状态 Status</th><th>并列 Tie</th></tr>");
        foreach (var r in ranked)
        {
            var s = programme.Scenarios.First(x => x.Scenario.Id == r.Candidate.ScenarioId).Scenario;
            html.Append(Inv($"<tr><td class=\"num\">{r.Rank}</td><td>{E(s.NameZh)}<br>{E(s.NameEn)} <code>{E(s.Id)}</code></td><td>{s.SectorTag}</td><td class=\"num\">{r.Candidate.Score:0.00}{Range(r.Candidate.ScoreInterval, "0.00")}</td>"));
            var tie = string.Join("; ", new[] { r.Tie, r.StatisticalTie is null ? null : $"统计并列 statistical tie: {r.StatisticalTie}", r.Selection is null ? null : $"入选 selected: {r.Selection}" }.OfType<string>());
            html.Append(Inv($"<td class=\"num\">{Share(r.Candidate.Completeness)}</td><td>{(r.Candidate.Provisional ? "暂定 provisional" : "合格 eligible")}</td><td>{E(tie)}</td></tr>"));
        }

        html.Append("</table>");
    }

    internal static void Evidence(StringBuilder html, string evidence) =>
        html.Append(evidence.StartsWith("checked", StringComparison.Ordinal)
            ? Inv($"<p class=\"meta\">证据 Evidence: {E(evidence)}</p>")
            : "<p class=\"warn\">证据未核验 Evidence not checked: report signatures and hash chains were not verified, so the verified-share gate is not evaluated and results are provisional.</p>");

    private static StringBuilder Begin(string title) =>
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
}
