using System.Text;
using System.Text.RegularExpressions;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.Reports;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Evaluation.Tests;

[Collection(IngestedProgrammeCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed partial class ReportTests(IngestedProgrammeFixture data)
{
    private static readonly string[] Chosen = [IngestedProgrammeFixture.Scenario, "traffic-tianhe-flow", "med-yuexiu-vitals"];

    [Fact]
    public async Task The_programme_report_is_bilingual_self_contained_html_with_a_chart_per_kpi_and_a_pdf_page_per_scenario()
    {
        using var folder = new TempFolder("gz-report");
        var programme = await EvaluateAsync();

        var written = await ReportWriter.WriteProgrammeAsync(programme, folder.Path, 30, pdf: true, CancellationToken.None);

        var html = await File.ReadAllTextAsync(folder.File("programme.html"));
        Assert.Contains("排行榜", html);
        Assert.Contains("Leaderboard", html);
        Assert.Contains("证据未核验 Evidence not checked", html);
        Assert.Contains(data.Programme.CatalogueVersion, html);
        Assert.Contains(data.Programme.RubricVersion, html);
        Assert.Contains("yolo@1.0, yolo@1.1", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        // A chart per KPI devices report (the cloud computes the others for the whole period), an audit table per scenario.
        var charts = programme.Scenarios.Sum(s => s.Series.Count);
        Assert.Equal(2 * Chosen.Length, charts);
        Assert.Equal(charts, Regex.Matches(html, "<svg ").Count);
        Assert.Equal(Chosen.Length, Regex.Matches(html, "<h2>审计 Audits").Count);
        Assert.Contains("无有效审计 no valid audit in the period", html);
        Assert.Contains("[17.00, 17.00]", html);
        Assert.Equal(charts * 2, Regex.Matches(html, "(目标 target|门槛 threshold) ").Count);

        // One summary page, then each scenario starts a page of its own and fits on it.
        var pdf = await File.ReadAllBytesAsync(folder.File("programme.pdf"));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Equal(1 + Chosen.Length, PageCount(pdf));
        Assert.Contains(folder.File("programme.csv"), written);
        var csv = await File.ReadAllLinesAsync(folder.File("programme.csv"));
        Assert.Equal(1 + programme.Scenarios.Sum(s => s.Score.Kpis.Count), csv.Length);
        // No audit yet: one row per listed device saying so (traffic-tianhe-flow lists a camera and a loop detector).
        Assert.Equal(1 + programme.Scenarios.Sum(s => s.Scenario.Sites.Sum(site => site.Devices.Count)), (await File.ReadAllLinesAsync(folder.File("audits.csv"))).Length);
        Assert.StartsWith("rank,scenario,name_zh", csv[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_report_renders_to_a_one_page_pdf()
    {
        using var folder = new TempFolder("gz-report");
        var programme = await EvaluateAsync();
        var ours = programme.Scenarios.Single(s => s.Scenario.Id == IngestedProgrammeFixture.Scenario);

        await ReportWriter.WriteScenarioAsync(ours, data.Programme.CatalogueVersion, data.Programme.RubricVersion, folder.Path, pdf: true, CancellationToken.None);

        var pdf = await File.ReadAllBytesAsync(folder.File(IngestedProgrammeFixture.Scenario + ".pdf"));
        Assert.True(pdf.Length > 1000);
        Assert.Equal(1, PageCount(pdf));
        Assert.Contains("天河路口车流监测（样例 01）", await File.ReadAllTextAsync(folder.File(IngestedProgrammeFixture.Scenario + ".html")));
    }

    private async Task<ProgrammeEvaluation> EvaluateAsync()
    {
        var scenarios = Chosen.Select(id => data.Programme.Catalogue.TryGet(id, out var s) ? s : throw new InvalidOperationException(id)).ToList();
        return await new ProgrammeEvaluator(new ScenarioEvaluator(new ScenarioReader(data.Client()), new EvidenceNotChecked(), new NoAuditResults()))
            .EvaluateAsync(data.Programme, scenarios, IngestedProgrammeFixture.Period, 2, null, CancellationToken.None);
    }

    // Page objects are "/Type /Page" (the page tree is "/Type /Pages"); Chromium writes them uncompressed.
    internal static int PageCount(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
