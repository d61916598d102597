namespace GzAiEdge.Scenarios.Kpis;

/// <summary>One KPI key as the whole system knows it: defined once, in <see cref="KpiCatalogue"/>.</summary>
/// <param name="Key">The name in a KPI report's <c>kpis</c> map and the stored field.</param>
/// <param name="Unit">Unit of the value, language-neutral (<c>ms</c>, <c>veh/h</c>, <c>%</c>); empty for counts, shares and ratios.</param>
/// <param name="LabelZh">Chinese label, without the unit.</param>
/// <param name="LabelEn">English label, without the unit.</param>
/// <param name="Meaning">What the value is, in one line.</param>
/// <param name="Kind">What it measures, and so whether a score may use it.</param>
/// <param name="Pipelines">The edge pipelines that emit it (<see cref="PipelineNames"/>).</param>
/// <param name="Simulations">The simulation profiles that emit it (<see cref="SimulationProfileNames"/>).</param>
/// <param name="Truth">For an accuracy KPI, where its truth comes from; null for every other kind.</param>
/// <param name="ComputedByPlatform">True when the cloud computes it from what it received, so no device emits it.</param>
public sealed record KpiDefinition(
    string Key,
    string Unit,
    string LabelZh,
    string LabelEn,
    string Meaning,
    KpiKind Kind,
    IReadOnlyList<string> Pipelines,
    IReadOnlyList<string> Simulations,
    TruthSource? Truth = null,
    bool ComputedByPlatform = false);
