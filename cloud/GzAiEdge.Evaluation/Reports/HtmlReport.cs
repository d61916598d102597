using System.Globalization;
using System.Net;
using System.Text;
using GzAiEdge.Scenarios.Ranking;
using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>
/// The evaluation report as one self-contained HTML file (inline CSS and SVG, no script, nothing
/// fetched), every heading and label in Chinese and English. A programme report is its summary
/// (leaderboard, benchmarks, ineligible) followed by one page per scenario.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        @page { size: A4; margin: 12mm; }
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5px; color: #222; margin: 0; }
        h1 { font-size: 18px; margin: 0 0 4px; } h2 { font-size: 13px; margin: 10px 0 4px; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 6px; }
        th, td { border: 1px solid #ccc; padding: 2px 4px; text-align: left; vertical-align: top; }
        th { background: #eef2f7; } .num { text-align: right; }
        .meta { color: #555; } .warn { color: #b71c1c; font-weight: bold; }
        .score { font-size: 22px; font-weight: bold; } .failed { color: #b71c1c; } .passed { color: #2e7d32; } .pending { color: #e65100; }
        .charts { display: flex; flex-wrap: wrap; gap: 6px; } .chart { width: 340px; } .chart p { margin: 0; font-weight: bold; }
        section.page { break-before: page; }
        """;

    public static string Scenario(ScenarioEvaluation evaluation, string catalogueVersion, string rubricVersion)
    {
        var html = Begin($"{evaluation.Scenario.NameZh} / {evaluation.Scenario.NameEn}");
        html.Append("<section>");
        ScenarioBody(html, evaluation, catalogueVersion, rubricVersion);
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
        html.Append("<p class=\"meta\">排序：无门槛失败的场景按得分降序；同分按完整率降序，再按场景编号。Order: eligible scenarios (no failed gate) by score; ties by completeness, then scenario id.</p>");
        Ranked(html, programme, programme.Leaderboard.Take(top));
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
            ScenarioBody(html, s, p.CatalogueVersion, p.RubricVersion);
            html.Append("</section>");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void ScenarioBody(StringBuilder html, ScenarioEvaluation e, string catalogueVersion, string rubricVersion)
    {
        var s = e.Scenario;
        html.Append(Inv($"<h1>{E(s.NameZh)} / {E(s.NameEn)}</h1>"));
        html.Append(Inv($"<p class=\"meta\">{E(s.Id)} · 领域 Sector {E(s.SectorTag)} · 类型 Type {E(e.Type.NameZh)} / {E(e.Type.NameEn)} ({E(s.Type)}) · 提供方 Provider {E(s.Provider ?? "-")}<br>"));
        html.Append(Inv($"评估期 Period {Time(e.Period.From)} – {Time(e.Period.To)} (UTC) · 目录 Catalogue {E(catalogueVersion)} · 规则 Rubric {E(rubricVersion)} · 模型 Models {E(e.Models.Count == 0 ? "无 none reported" : Join(e.Models))}</p>"));
        Evidence(html, e.Evidence);
        var (css, verdict) = e.Score switch
        {
            { Eligible: false } => ("failed", $"不合格 Ineligible: {Join(e.Score.FailedGates)}"),
            { Provisional: true } => ("pending", "暂定 Provisional: a gate was not evaluated"),
            _ => ("passed", "合格 Eligible"),
        };
        html.Append(Inv($"<p><span class=\"score\">{e.Score.Score:0.00}</span> / 100 · <span class=\"{css}\">{E(verdict)}</span> · 使用报告 Reports used {e.Reports.Used}"));
        html.Append(Inv($" · 完整率 Completeness {Share(e.Completeness)} · 在线率 Uptime {Share(e.Uptime)}</p>"));

        html.Append("<h2>门槛 Gates</h2><table><tr><th>门槛 Gate</th><th>最低 Minimum</th><th>实测 Measured</th><th>结果 Result</th><th>说明 Note</th></tr>");
        foreach (var g in e.Score.Gates)
        {
            var status = g.Status switch { GateStatus.Passed => "passed", GateStatus.Failed => "failed", _ => "pending" };
            html.Append(Inv($"<tr><td>{g.Gate}</td><td class=\"num\">{g.Minimum:0.####}</td><td class=\"num\">{(g.Measured is { } m ? m.ToString("0.####", CultureInfo.InvariantCulture) : "-")}</td>"));
            html.Append(Inv($"<td class=\"{status}\">{EvaluationJson.Status(g.Status)}</td><td>{E(g.Note)}</td></tr>"));
        }

        html.Append("</table><h2>指标 KPIs</h2><table><tr><th>指标 KPI</th><th>聚合 Aggregation</th><th>实测 Value</th><th>门槛 Threshold</th><th>目标 Target</th><th>达成 Achievement</th><th>权重 Weight</th><th>得分 Points</th><th>报告 Reports</th><th>说明 Note</th></tr>");
        foreach (var k in e.Score.Kpis)
        {
            var r = k.Rubric;
            var value = k.Value is { } v ? $"{v.ToString("0.###", CultureInfo.InvariantCulture)} {r.Unit}" : "缺失 missing";
            html.Append(Inv($"<tr><td>{E(r.LabelZh)}<br>{E(r.LabelEn)} <code>{E(r.Key)}</code></td><td>{r.Aggregation.ToString().ToLowerInvariant()}, {r.Direction.ToString().ToLowerInvariant()} is better</td>"));
            html.Append(Inv($"<td class=\"num\">{E(value)}</td><td class=\"num\">{r.Threshold:0.###}</td><td class=\"num\">{r.Target:0.###}</td><td class=\"num\">{k.Achievement:0.000}</td>"));
            html.Append(Inv($"<td class=\"num\">{r.Weight:0.##}</td><td class=\"num\">{k.Points:0.00}</td><td class=\"num\">{k.Reports}</td><td>{E(k.Note)}</td></tr>"));
        }

        html.Append("</table><h2>设备与完整率 Devices and completeness</h2><table><tr><th>站点/设备 Site/device</th><th>收到 Received</th><th>应收 Expected (seq)</th><th>完整率 Completeness</th><th>在线率 Uptime</th><th>已核验 Verified</th></tr>");
        foreach (var d in e.Devices)
        {
            html.Append(Inv($"<tr><td>{E(d.Site)} / {E(d.Device)}</td><td class=\"num\">{d.Received}</td><td class=\"num\">{d.Expected}</td><td class=\"num\">{Share(d.Completeness)}</td><td class=\"num\">{Share(d.Uptime)}</td><td>{(d.VerifiedShare is { } vs ? Share(vs) : "未核验 not checked")}</td></tr>"));
        }

        foreach (var x in e.Reports.Excluded)
        {
            html.Append(Inv($"<tr><td>{E(x.Site)} / {E(x.Device)}</td><td class=\"num\">{x.Count}</td><td colspan=\"4\" class=\"failed\">排除 excluded: {E(x.Reason)}</td></tr>"));
        }

        html.Append("</table><h2>指标走势 KPIs over the period</h2><div class=\"charts\">");
        foreach (var (k, series) in e.Score.Kpis.Zip(e.Series))
        {
            html.Append(Inv($"<div class=\"chart\"><p>{E(k.Rubric.LabelZh)} / {E(k.Rubric.LabelEn)} ({E(k.Rubric.Unit)})</p>{SvgChart.Render(k.Rubric, series, e.Period)}</div>"));
        }

        html.Append("</div>");
    }

    private static void Ranked(StringBuilder html, ProgrammeEvaluation programme, IEnumerable<RankedScenario> ranked)
    {
        html.Append("<table><tr><th>名次 Rank</th><th>场景 Scenario</th><th>领域 Sector</th><th>得分 Score</th><th>完整率 Completeness</th><th>状态 Status</th><th>并列 Tie</th></tr>");
        foreach (var r in ranked)
        {
            var s = programme.Scenarios.First(x => x.Scenario.Id == r.Candidate.ScenarioId).Scenario;
            html.Append(Inv($"<tr><td class=\"num\">{r.Rank}</td><td>{E(s.NameZh)}<br>{E(s.NameEn)} <code>{E(s.Id)}</code></td><td>{s.SectorTag}</td><td class=\"num\">{r.Candidate.Score:0.00}</td>"));
            html.Append(Inv($"<td class=\"num\">{Share(r.Candidate.Completeness)}</td><td>{(r.Candidate.Provisional ? "暂定 provisional" : "合格 eligible")}</td><td>{E(r.Tie ?? string.Empty)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void Evidence(StringBuilder html, string evidence) =>
        html.Append(evidence.StartsWith("checked", StringComparison.Ordinal)
            ? Inv($"<p class=\"meta\">证据 Evidence: {E(evidence)}</p>")
            : "<p class=\"warn\">证据未核验 Evidence not checked: report signatures and hash chains were not verified, so the verified-share gate is not evaluated and results are provisional.</p>");

    private static StringBuilder Begin(string title) =>
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");

    private static string Share(double? value) => value is { } v ? v.ToString("0.00%", CultureInfo.InvariantCulture) : "-";

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
