using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Scenarios.Types;

/// <summary>How one KPI is scored: aggregated over the period, then placed between threshold and target.</summary>
/// <param name="Key">KPI key from the KPI catalogue (docs/kpis.md), as in the reports' <c>kpis</c> map.</param>
/// <param name="LabelZh">Chinese label.</param>
/// <param name="LabelEn">English label.</param>
/// <param name="Unit">Unit shown with values (empty for counts and shares).</param>
/// <param name="Aggregation">How window values combine over the period; null for a KPI the cloud computes for the whole period.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Threshold">Minimum acceptable value: achievement 0 at and beyond it.</param>
/// <param name="Target">Value that earns full achievement (1).</param>
/// <param name="Weight">Share of the score in points; a type's weights sum to 100.</param>
/// <param name="Reasons">Why the threshold and the target are where they are, one line each, from the type file.</param>
/// <param name="Requires">
/// Another KPI of the type that must be past its threshold for this one to earn points, or null. A metric that a model
/// maxes out by flagging everything (recall, time to alert) counts only beside one that such a model fails (AP, AUROC,
/// macro F1), so that a detector, classifier or alarm that always fires cannot collect it.
/// </param>
public sealed record KpiRubric(
    string Key,
    string LabelZh,
    string LabelEn,
    string Unit,
    Aggregation? Aggregation,
    Direction Direction,
    double Threshold,
    double Target,
    double Weight,
    KpiReasons? Reasons = null,
    string? Requires = null)
{
    /// <summary>The key's definition in the KPI catalogue; null only for a key the catalogue lacks (which no loaded type has).</summary>
    public KpiDefinition? Definition => KpiCatalogue.Find(Key);
}

/// <summary>Why a rubric's threshold and target are where they are: a source or a reason, one line each.</summary>
/// <param name="Threshold">Why the value at which the KPI earns nothing is there.</param>
/// <param name="Target">Why the value that earns full points is there.</param>
public sealed record KpiReasons(string Threshold, string Target);
