using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Types;

/// <summary>
/// What a scenario type may score (EVALUATION.md): only service and accuracy KPIs carry weight, never a monitoring KPI
/// (the world) or a diagnostic one (the device's word about itself); an accuracy KPI names where its truth comes from;
/// inference p95 is scored against the type's stated requirement.
/// </summary>
internal static class KpiRules
{
    /// <summary>Null when a KPI of <paramref name="definition"/> may carry <paramref name="weight"/>; otherwise why not.</summary>
    public static string? CheckWeight(KpiDefinition definition, double weight, string? pipeline)
    {
        if (weight <= 0)
        {
            return null;
        }

        var instead = pipeline is null ? string.Empty : Audited(pipeline);
        return definition.Kind switch
        {
            KpiKind.Monitoring => $"KPI '{definition.Key}' is a monitoring KPI: it describes the world the device watches, so it may be shown (weight 0) but never scored (EVALUATION.md, rule 1)",
            KpiKind.Diagnostic => $"KPI '{definition.Key}' is a diagnostic KPI: the device computes it from ground truth it holds itself, so it may be shown (weight 0) but never scored (EVALUATION.md, rule 2){instead}",
            KpiKind.Outcome => $"KPI '{definition.Key}' is an outcome KPI: it is scored only against a baseline a scenario declares, and no scenario can declare one yet (EVALUATION.md, Outcomes)",
            _ => null,
        };
    }

    public static void CheckKind(YamlEntry item, KpiDefinition definition, double? weight, string? pipeline)
    {
        if (weight is { } w && CheckWeight(definition, w, pipeline) is { } why)
        {
            item.Error(item.Find("weight")!.Start.Line, why);
        }

        var truth = item.Optional("truth");
        if (definition.Truth is { } source && truth is null)
        {
            item.Error(item.Line, $"KPI '{definition.Key}' is an accuracy KPI and names no truth source: add 'truth: {source.Text()}' (audit, field-audit or later-truth; EVALUATION.md)");
        }
        else if (definition.Truth is { } expected && truth != expected.Text())
        {
            item.Error(item.Find("truth")!.Start.Line, $"KPI '{definition.Key}': truth '{truth}' is not where its truth comes from; the KPI catalogue says {expected.Text()}");
        }
        else if (definition.Truth is null && truth is not null)
        {
            item.Error(item.Find("truth")!.Start.Line, $"KPI '{definition.Key}' is a {definition.Kind.Text()} KPI; only an accuracy KPI names a truth source");
        }
    }

    /// <summary>Inference p95 is scored against the requirement: full points for meeting it, none once the model falls behind its input.</summary>
    public static void CheckRequirement(YamlEntry item, KpiDefinition definition, OperatingRequirement? requirement, double? threshold, double? target)
    {
        if (definition != ServiceKpis.InferenceP95Ms || requirement is null)
        {
            return;
        }

        if (target is { } g && g != requirement.InferenceP95Ms)
        {
            item.Error(item.Find("target")!.Start.Line,
                $"KPI '{definition.Key}': target ({g}) must be requirement.inferenceP95Ms ({requirement.InferenceP95Ms}): meeting the type's stated requirement earns full points");
        }

        if (threshold is { } t && t > requirement.InputIntervalMs)
        {
            item.Error(item.Find("threshold")!.Start.Line,
                $"KPI '{definition.Key}': threshold ({t}) is beyond the input interval at requirement.inputsPerSecond ({requirement.InputIntervalMs:0.###} ms): a model that slow falls behind its input, so it must earn nothing before then");
        }
    }

    /// <summary>Why <paramref name="key"/> cannot be scored on <paramref name="pipeline"/>.</summary>
    public static string NotMeasurable(string key, string pipeline) => KpiCatalogue.Find(key) switch
    {
        null => $"KPI '{key}' is not in the KPI catalogue (docs/kpis.md)",
        { ComputedByPlatform: true } k => $"KPI '{key}' is not computed for pipeline '{pipeline}' (only for {string.Join(", ", KpiCatalogue.ComputedFor(k))}; docs/kpis.md)",
        { Pipelines.Count: 0 } k => $"KPI '{key}' is not emitted by pipeline '{pipeline}' (only by simulation {string.Join(", ", k.Simulations)}; docs/kpis.md)",
        var k => $"KPI '{key}' is not emitted by pipeline '{pipeline}' (it is by {string.Join(", ", k.Pipelines)}; docs/kpis.md)",
    };

    /// <summary>Records an error for each key of <paramref name="item"/>'s mapping that is not one of <paramref name="known"/>.</summary>
    public static void UnknownKeys(YamlEntry item, string where, IReadOnlyList<string> known)
    {
        if (item.Node is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var (key, _) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !known.Contains(name, StringComparer.Ordinal))
            {
                item.Error(key.Start.Line, $"{where}: '{name}' is not one of {string.Join(", ", known)}");
            }
        }
    }

    private static string Audited(string pipeline)
    {
        var audited = KpiCatalogue.All.Where(k => k.Truth == TruthSource.Audit && KpiCatalogue.Measurable(pipeline, k.Key)).Select(k => k.Key).ToList();
        return audited.Count == 0 ? string.Empty : $"; score what audits measure instead: {string.Join(", ", audited)}";
    }
}
