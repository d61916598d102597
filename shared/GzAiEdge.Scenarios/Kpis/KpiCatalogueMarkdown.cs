using System.Text;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// docs/kpis.md, rendered from <see cref="KpiCatalogue"/> so that the document cannot drift from the keys the code
/// uses; a test compares the file with <see cref="Render"/>.
/// </summary>
public static class KpiCatalogueMarkdown
{
    /// <summary>The command that rewrites docs/kpis.md, named in the document and in the test that compares it.</summary>
    public const string RegenerateCommand = "./gz kpis --markdown > docs/kpis.md";

    private static readonly (KpiKind Kind, string What, string Scored)[] Kinds =
    [
        (KpiKind.Monitoring, "the world the device watches: traffic, defects, vital signs, alerts, the weather", "never"),
        (KpiKind.Service, "how the demonstration runs: latency, throughput, uptime, completeness (device-reported ones are cross-checked in audits)", "yes"),
        (KpiKind.Accuracy, "how right the AI is, against truth the device never sees: audit runs, field audits, later truth", "yes"),
        (KpiKind.Diagnostic, "accuracy the device computes from ground truth it holds itself (labelled replay)", "never"),
        (KpiKind.Outcome, "the change of a declared outcome measure against a baseline", "yes, when declared"),
    ];

    /// <summary>The whole document, with <c>\n</c> line ends.</summary>
    public static string Render()
    {
        var md = new StringBuilder();
        md.Append("# KPI keys\n\n")
            .Append($"<!-- Generated from the KPI catalogue (shared/GzAiEdge.Scenarios/Kpis); do not edit. Regenerate: {RegenerateCommand} -->\n\n")
            .Append("The names a KPI report's `kpis` map uses. Each is defined once, in the KPI catalogue: edge pipelines take\n")
            .Append("their keys from it, scenario types and alert rules are checked against it, and the dashboard's labels come\n")
            .Append("from it (`GET /api/v1/kpis/catalogue`). Units are language-neutral; rates and shares are fractions 0–1.\n\n")
            .Append("## Kinds\n\n| kind | what it measures | scored |\n| --- | --- | --- |\n");
        foreach (var (kind, what, scored) in Kinds)
        {
            md.Append($"| {kind.Text()} | {what} | {scored} |\n");
        }

        foreach (var (kind, _, _) in Kinds)
        {
            KindSection(md, kind, [.. KpiCatalogue.All.Where(k => k.Kind == kind)]);
        }

        md.Append("\n## By pipeline\n\n| pipeline | keys |\n| --- | --- |\n");
        foreach (var pipeline in PipelineNames.All)
        {
            md.Append($"| `{pipeline}` | {Keys(KpiCatalogue.EmittedBy(pipeline))} |\n");
        }

        md.Append("\nDiagnostic keys come only from a labelled replay source. Simulated sources (no model; demo and fleet load):\n\n")
            .Append("| profile | keys |\n| --- | --- |\n");
        foreach (var profile in SimulationProfileNames.All)
        {
            md.Append($"| `{profile}` | {Keys(KpiCatalogue.EmittedBySimulation(profile))} |\n");
        }

        md.Append("\n## Reserved names\n\nA KPI may not take a name the stored KPI point already uses for something else (`KpiReportValidator`):\n")
            .Append(string.Join(", ", KpiReportValidator.ReservedKpiNames.Select(n => $"`{n}`")))
            .Append(".\n");
        return md.ToString();
    }

    private static void KindSection(StringBuilder md, KpiKind kind, List<KpiDefinition> keys)
    {
        md.Append($"\n## {char.ToUpperInvariant(kind.Text()[0])}{kind.Text()[1..]}\n\n");
        if (keys.Count == 0)
        {
            md.Append("No key of this kind yet.\n");
            return;
        }

        var truth = kind == KpiKind.Accuracy;
        md.Append("| key | unit | 中文 | English | meaning | emitted by |").Append(truth ? " truth |" : string.Empty).Append('\n')
            .Append("| --- | --- | --- | --- | --- | --- |").Append(truth ? " --- |" : string.Empty).Append('\n');
        foreach (var k in keys)
        {
            md.Append($"| `{k.Key}` | {k.Unit} | {k.LabelZh} | {k.LabelEn} | {k.Meaning} | {EmittedBy(k)} |")
                .Append(truth ? $" {k.Truth?.Text()} |" : string.Empty).Append('\n');
        }
    }

    private static string EmittedBy(KpiDefinition k)
    {
        if (k.ComputedByPlatform)
        {
            return k.Truth == TruthSource.Audit ? $"the cloud, from audits of {Pipelines(KpiCatalogue.ComputedFor(k))}" : "computed by the platform";
        }

        var simulations = k.Simulations.Count == 0 ? [] : new[] { $"simulation {string.Join(", ", k.Simulations.Select(s => $"`{s}`"))}" };
        return string.Join("; ", [Pipelines(k.Pipelines), .. simulations]).TrimStart(';', ' ');
    }

    private static string Pipelines(IReadOnlyList<string> pipelines) =>
        pipelines.Count == PipelineNames.All.Count ? "every pipeline"
        : pipelines.SequenceEqual(PipelineNames.WithModel) ? "every model pipeline"
        : string.Join(", ", pipelines.Select(p => $"`{p}`"));

    private static string Keys(IEnumerable<KpiDefinition> keys) => string.Join(", ", keys.Select(k => $"`{k.Key}`"));
}
