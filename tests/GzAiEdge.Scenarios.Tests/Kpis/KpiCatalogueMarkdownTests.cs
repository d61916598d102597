using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;

namespace GzAiEdge.Scenarios.Tests.Kpis;

public class KpiCatalogueMarkdownTests
{
    [Fact]
    public void Docs_kpis_md_is_the_catalogue_as_rendered()
    {
        var path = RepoPaths.Combine("docs", "kpis.md");
        var rendered = KpiCatalogueMarkdown.Render();
        var file = File.ReadAllText(path);

        var differs = file.Split('\n').Zip(rendered.Split('\n'), (f, r) => (f, r)).Select((pair, i) => (pair.f, pair.r, Line: i + 1))
            .FirstOrDefault(d => d.f != d.r);
        Assert.True(
            file == rendered,
            $"docs/kpis.md is not what the KPI catalogue renders; regenerate it with `{KpiCatalogueMarkdown.RegenerateCommand}`. "
            + (differs.Line > 0 ? $"First difference at line {differs.Line}: file \"{differs.f}\", catalogue \"{differs.r}\"" : "One is longer than the other."));
    }

    [Fact]
    public void The_document_lists_every_key_with_its_kind_and_every_pipeline()
    {
        var rendered = KpiCatalogueMarkdown.Render();

        Assert.All(KpiCatalogue.All, k => Assert.Contains($"| `{k.Key}` | {k.Unit} | {k.LabelZh} | {k.LabelEn} |", rendered, StringComparison.Ordinal));
        Assert.All(PipelineNames.All, p => Assert.Contains($"| `{p}` |", rendered, StringComparison.Ordinal));
        Assert.Contains("| `vitals-classification` | `samples`, `inference_p50_ms`", rendered, StringComparison.Ordinal);
        Assert.Contains("| `mean_speed_kmh` | km/h | 平均车速 | Mean speed |", rendered, StringComparison.Ordinal);
        Assert.Contains("| `audit_detection_ap50` |", rendered, StringComparison.Ordinal);
        Assert.Contains("| `audit_time_to_alert_s` | s | 审计告警时延 | Audited time to alert |", rendered, StringComparison.Ordinal);
        Assert.Contains("| the cloud, from audits of `vitals-classification` | audit |\n", rendered, StringComparison.Ordinal);
        Assert.Contains("## Outcome\n\nNo key of this kind yet.\n", rendered, StringComparison.Ordinal);
    }
}
