using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Programmes;

/// <summary>
/// The catalogue with its scenario types, checked against each other, and the content hashes that
/// name exactly which catalogue and rubrics a score was computed with.
/// </summary>
public sealed class Programme
{
    private readonly Dictionary<string, ScenarioType> _types;

    /// <summary>Creates a programme; <see cref="ProgrammeLoader"/> checks the cross references first.</summary>
    public Programme(ScenarioCatalogue catalogue, IEnumerable<ScenarioType> types, string catalogueVersion, string rubricVersion)
    {
        Catalogue = catalogue;
        _types = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
        CatalogueVersion = catalogueVersion;
        RubricVersion = rubricVersion;
    }

    /// <summary>The scenarios.</summary>
    public ScenarioCatalogue Catalogue { get; }

    /// <summary>All types, in id order.</summary>
    public IReadOnlyList<ScenarioType> Types => [.. _types.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary><c>sha256:</c> and the first 16 hex digits of the SHA-256 of the catalogue file.</summary>
    public string CatalogueVersion { get; }

    /// <summary><c>sha256:</c> and the first 16 hex digits of the SHA-256 over every type file (name and bytes, in name order).</summary>
    public string RubricVersion { get; }

    /// <summary>The type a scenario follows.</summary>
    public ScenarioType TypeOf(Scenario scenario) => _types[scenario.Type];

    /// <summary>The scenario's rubric: its type's KPIs with the scenario's overrides (and their reason) applied.</summary>
    public IReadOnlyList<KpiRubric> RubricFor(Scenario scenario)
    {
        var overrides = scenario.KpiOverrides.ToDictionary(o => o.Key, StringComparer.Ordinal);
        return [.. TypeOf(scenario).Kpis.Select(k => overrides.TryGetValue(k.Key, out var o)
            ? k with
            {
                Threshold = o.Threshold ?? k.Threshold,
                Target = o.Target ?? k.Target,
                Weight = o.Weight ?? k.Weight,
                Reasons = Overridden(k.Reasons, o),
            }
            : k)];
    }

    private static KpiReasons? Overridden(KpiReasons? type, KpiOverride o) => o.Reason is not { } reason ? type : new KpiReasons(
        o.Threshold is null ? type?.Threshold ?? string.Empty : $"this scenario: {reason}",
        o.Target is null ? type?.Target ?? string.Empty : $"this scenario: {reason}");
}
