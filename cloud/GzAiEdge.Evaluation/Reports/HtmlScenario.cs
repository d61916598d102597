using System.Globalization;
using System.Text;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Scoring;
using static GzAiEdge.Evaluation.Reports.Html;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>One scenario's page: its score with interval and verdict, requirement, gates, KPIs, audits, devices and charts.</summary>
internal static class HtmlScenario
{
    public static void Body(StringBuilder html, ScenarioEvaluation e, string catalogueVersion, string rubricVersion)
    {
        var s = e.Scenario;
        html.Append(Inv($"<h1>{E(s.NameZh)} / {E(s.NameEn)}</h1>"));
        html.Append(Inv($"<p class=\"meta\">{E(s.Id)} · 领域 Sector {E(s.SectorTag)} · 类型 Type {E(e.Type.NameZh)} / {E(e.Type.NameEn)} ({E(s.Type)}) · 提供方 Provider {E(s.Provider ?? "-")}<br>"));
        html.Append(Inv($"评估期 Period {Time(e.Period.From)} – {Time(e.Period.To)} (UTC) · 目录 Catalogue {E(catalogueVersion)} · 规则 Rubric {E(rubricVersion)} · 模型 Models {E(e.Models.Count == 0 ? "无 none reported" : Join(e.Models))}"));
        if (e.Type.Requirement is { } requirement)
        {
            html.Append(Inv($"<br>运行要求 Requirement: {E(requirement.Text)} — {E(requirement.Reason)}"));
        }

        html.Append("</p>");
        HtmlReport.Evidence(html, e.Evidence);
        var (css, verdict) = e.Score switch
        {
            { Eligible: false } => ("failed", $"不合格 Ineligible: {Join(e.Score.FailedGates)}"),
            { Provisional: true } => ("pending", $"暂定 Provisional: {Join(e.Score.ProvisionalBecause)}"),
            _ => ("passed", "合格 Eligible"),
        };
        html.Append(Inv($"<p><span class=\"score\">{e.Score.Score:0.00}</span>{Range(e.Score.Interval, "0.00")} / 100 · <span class=\"{css}\">{E(verdict)}</span> · 使用报告 Reports used {e.Reports.Used}"));
        html.Append(Inv($" · 完整率 Completeness {Share(e.Completeness)} · 在线率 Uptime {Share(e.Uptime)}</p>"));

        html.Append("<h2>门槛 Gates</h2><table><tr><th>门槛 Gate</th><th>最低 Minimum</th><th>实测 Measured</th><th>结果 Result</th><th>说明 Note</th></tr>");
        foreach (var g in e.Score.Gates)
        {
            var status = g.Status switch { GateStatus.Passed => "passed", GateStatus.Failed => "failed", _ => "pending" };
            html.Append(Inv($"<tr><td>{g.Gate}</td><td class=\"num\">{g.Minimum:0.####}</td><td class=\"num\">{(g.Measured is { } m ? m.ToString("0.####", CultureInfo.InvariantCulture) : "-")}</td>"));
            html.Append(Inv($"<td class=\"{status} nowrap\">{EvaluationJson.Status(g.Status)}</td><td>{E(g.Note)}</td></tr>"));
        }

        html.Append("</table>");
        Kpis(html, e);
        HtmlOutcome.Append(html, e.Score.Outcome);
        Audits(html, e.Audits);
        Devices(html, e);
        html.Append("<h2>指标走势 KPIs over the period</h2><div class=\"charts\">");
        foreach (var series in e.Series)
        {
            var k = e.Score.Kpis.First(k => k.Rubric.Key == series.Key).Rubric;
            html.Append(Inv($"<div class=\"chart\"><p>{E(k.LabelZh)} / {E(k.LabelEn)} ({E(k.Unit)})</p>{SvgChart.Render(k, series, e.Period)}</div>"));
        }

        html.Append("</div>");
    }

    private static void Kpis(StringBuilder html, ScenarioEvaluation e)
    {
        html.Append("<h2>指标 KPIs</h2><table><tr><th>指标 KPI</th><th>类别 Kind</th><th>实测 Value [95% CI]</th><th>门槛<br>Thresh.</th><th>目标<br>Target</th><th>达成<br>Achv.</th>");
        html.Append("<th>权重<br>Wt.</th><th>得分<br>Points</th><th>说明 Note</th></tr>");
        foreach (var k in e.Score.Kpis)
        {
            var r = k.Rubric;
            var kind = r.Definition is { } d ? d.Truth is { } truth ? $"{d.Kind.Text()} ({truth.Text()})" : d.Kind.Text() : "-";
            var how = r.Aggregation is { } a ? $"{a.ToString().ToLowerInvariant()}, " : string.Empty;
            var value = k.Value is { } v ? $"{v.ToString("0.###", CultureInfo.InvariantCulture)}{Range(k.ValueInterval, "0.###")} {r.Unit}" : "缺失 missing";
            html.Append(Inv($"<tr><td>{E(r.LabelZh)} {E(r.LabelEn)}<br><code>{E(r.Key)}</code></td><td class=\"nowrap\">{E(kind)}<br>{how}{r.Direction.ToString().ToLowerInvariant()}</td>"));
            html.Append(Inv($"<td class=\"num\">{E(value)}</td><td class=\"num\">{r.Threshold:0.###}</td><td class=\"num\">{r.Target:0.###}</td><td class=\"num\">{k.Achievement:0.000}</td>"));
            html.Append(Inv($"<td class=\"num\">{r.Weight:0.##}</td><td class=\"num\">{k.Points:0.00}{Range(k.ValueInterval is null ? null : k.PointsInterval, "0.00")}</td><td>{E(k.Note)}</td></tr>"));
        }

        // Why each threshold and target is where it is, from the type file: small, after the table, so the page still fits.
        html.Append("</table><p class=\"basis\"><b>门槛与目标依据 Why each threshold and target:</b>");
        foreach (var r in e.Score.Kpis.Select(k => k.Rubric).Where(r => r.Reasons is not null))
        {
            html.Append(Inv($"<br><code>{E(r.Key)}</code> {r.Threshold:0.###}: {E(r.Reasons!.Threshold)}; {r.Target:0.###}: {E(r.Reasons.Target)}"));
        }

        html.Append("</p>");
    }

    private static void Audits(StringBuilder html, IReadOnlyList<ListedAudit> audits)
    {
        html.Append("<h2>审计 Audits (latest valid per device)</h2><table><tr><th>站点/设备 Site/device</th><th>审计 Audit</th><th>测试集 Test set</th><th>模型 Model</th><th>指标 [95% CI] Metrics</th><th>标记 Flags</th></tr>");
        foreach (var (site, device, audit) in audits)
        {
            if (audit is null)
            {
                html.Append(Inv($"<tr><td>{E(site)} / {E(device)}</td><td colspan=\"5\" class=\"pending\">无有效审计 no valid audit in the period: accuracy KPIs count 0 for this device and the result is provisional</td></tr>"));
                continue;
            }

            var metrics = string.Join(" · ", audit.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => Inv($"{E(m.Key)} {m.Value.Value:0.###} [{m.Value.Low:0.###}, {m.Value.High:0.###}]")));

            // Passed flags share one line; a failed or unchecked one gets its own, with what was found.
            var passed = audit.Flags.Where(f => f.Passed == true).Select(f => f.Name).ToList();
            var flags = string.Join("<br>", [
                .. passed.Count == 0 ? [] : new[] { Inv($"<span class=\"passed\">passed: {E(Join(passed))}</span>") },
                .. audit.Flags.Where(f => f.Passed != true).Select(f => f.Passed is false
                    ? Inv($"<span class=\"failed\">{E(f.Name)}: failed</span> {E(f.Detail)}")
                    : Inv($"<span class=\"pending\">{E(f.Name)}: not checked</span> {E(f.Detail)}")),
            ]);
            flags = flags.Length == 0 ? "-" : flags;
            html.Append(Inv($"<tr><td>{E(site)} / {E(device)}</td><td>{E(Short(audit.AuditId))}<br>{Time(audit.Answered)}</td><td>{E(audit.TestSet.Name)} {E(audit.TestSet.Version)}<br><code>{E(Short(audit.TestSet.Sha256))}</code></td>"));
            html.Append(Inv($"<td>{E(audit.Model.Name)} {E(audit.Model.Version)}<br><code>{E(Short(audit.Model.Sha256))}</code></td><td>{metrics}</td><td>{flags}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void Devices(StringBuilder html, ScenarioEvaluation e)
    {
        html.Append("<h2>设备与完整率 Devices and completeness</h2><table><tr><th>站点/设备 Site/device</th><th>收到 Received</th><th>应收 Expected (seq)</th><th>完整率 Completeness</th><th>在线率 Uptime</th><th>已核验 Verified</th></tr>");
        foreach (var d in e.Devices)
        {
            html.Append(Inv($"<tr><td>{E(d.Site)} / {E(d.Device)}</td><td class=\"num\">{d.Received}</td><td class=\"num\">{d.Expected}</td><td class=\"num\">{Share(d.Completeness)}</td><td class=\"num\">{Share(d.Uptime)}</td><td>{(d.VerifiedShare is { } vs ? Share(vs) : "未核验 not checked")}</td></tr>"));
        }

        foreach (var x in e.Reports.Excluded)
        {
            html.Append(Inv($"<tr><td>{E(x.Site)} / {E(x.Device)}</td><td class=\"num\">{x.Count}</td><td colspan=\"4\" class=\"failed\">排除 excluded: {E(x.Reason)}</td></tr>"));
        }

        html.Append("</table>");
    }

    // Enough of a SHA-256 to tell two apart on paper; the JSON and CSV carry it whole.
    private static string Short(string sha256) => sha256.Length > 16 ? sha256[..16] + "…" : sha256;
}
