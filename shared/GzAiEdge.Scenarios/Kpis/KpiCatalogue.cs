using GzAiEdge.Scenarios.Audits;

namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// Every KPI key, defined once: unit, labels, meaning, kind, and which pipelines and simulation profiles emit it.
/// Edge pipelines take their keys from here; scenario types, alert rules, docs/kpis.md and the dashboard's labels
/// are read from or checked against it; a test checks it against what each pipeline really emits.
/// </summary>
public static class KpiCatalogue
{
    /// <summary>Every key, grouped as documents list them: service, accuracy, diagnostic, then each domain's monitoring KPIs.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } =
    [
        .. ServiceKpis.Definitions,
        .. AccuracyKpis.Definitions,
        .. FieldAccuracyKpis.Definitions,
        .. LaterTruthKpis.Definitions,
        .. DiagnosticKpis.Definitions,
        .. TrafficKpis.Definitions,
        .. ManufacturingKpis.Definitions,
        .. MedicalKpis.Definitions,
        .. EnvironmentKpis.Definitions,
        .. EnergyKpis.Definitions,
    ];

    // After All: static fields are initialised in the order they are written.
    private static readonly Dictionary<string, KpiDefinition> ByKey = All.ToDictionary(k => k.Key, StringComparer.Ordinal);

    /// <summary>The definition of <paramref name="key"/>; null when the catalogue has no such key.</summary>
    public static KpiDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>True when <paramref name="pipeline"/> is one of <see cref="PipelineNames.All"/>.</summary>
    public static bool IsPipeline(string pipeline) => PipelineNames.All.Contains(pipeline, StringComparer.Ordinal);

    /// <summary>True when <paramref name="pipeline"/> emits <paramref name="key"/>.</summary>
    public static bool Emits(string pipeline, string key) => Find(key)?.Pipelines.Contains(pipeline, StringComparer.Ordinal) == true;

    /// <summary>
    /// True when a scenario type on <paramref name="pipeline"/> can score <paramref name="key"/>: the pipeline emits it,
    /// or the cloud computes it for that pipeline's scenarios (platform service KPIs, audit accuracy KPIs).
    /// </summary>
    public static bool Measurable(string pipeline, string key) => Find(key) is { } k && (k.Pipelines.Contains(pipeline, StringComparer.Ordinal) || ComputedFor(k).Contains(pipeline, StringComparer.Ordinal));

    /// <summary>
    /// The pipelines whose scenarios the cloud computes <paramref name="kpi"/> for: none for a key devices emit; for an audit
    /// key, the pipelines whose audits yield it (<see cref="AuditedPipelines.Metrics"/>); for a later-truth key, the
    /// pipelines whose outputs it scores (<see cref="LaterTruthKpis.Pipelines"/>); for the platform's own service
    /// KPIs, every pipeline.
    /// </summary>
    public static IReadOnlyList<string> ComputedFor(KpiDefinition kpi) =>
        !kpi.ComputedByPlatform ? []
        : kpi.Truth == TruthSource.Audit ? [.. AuditedPipelines.All.Where(p => AuditedPipelines.Metrics(p).Any(m => m.Key == kpi.Key))]
        : kpi.Truth == TruthSource.LaterTruth ? LaterTruthKpis.Pipelines
        : PipelineNames.All;

    /// <summary>The keys <paramref name="pipeline"/> emits, in catalogue order.</summary>
    public static IEnumerable<KpiDefinition> EmittedBy(string pipeline) => All.Where(k => k.Pipelines.Contains(pipeline, StringComparer.Ordinal));

    /// <summary>The keys simulation <paramref name="profile"/> emits, in catalogue order.</summary>
    public static IEnumerable<KpiDefinition> EmittedBySimulation(string profile) => All.Where(k => k.Simulations.Contains(profile, StringComparer.Ordinal));
}
