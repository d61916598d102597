using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Scenarios.Types;

/// <summary>A scenario type (template): the pipeline it needs, the KPIs it scores and the gates it applies.</summary>
/// <param name="Id">Type id; the file is <c>types/{Id}.yaml</c>.</param>
/// <param name="Sector">The sector its scenarios belong to.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Pipeline">Edge pipeline that emits its KPIs (docs/kpis.md).</param>
/// <param name="Requirement">The rate and latency its model pipeline must sustain; null for a pipeline without a model.</param>
/// <param name="Kpis">The scored KPIs in file order.</param>
/// <param name="Gates">Eligibility gates.</param>
/// <param name="Source">File the type was read from.</param>
public sealed record ScenarioType(
    string Id,
    Sector Sector,
    string NameZh,
    string NameEn,
    string Pipeline,
    OperatingRequirement? Requirement,
    IReadOnlyList<KpiRubric> Kpis,
    Gates Gates,
    string Source);
