using GzAiEdge.Scenarios.Outcomes;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>One demonstration of the programme.</summary>
/// <param name="Id">Scenario id, as devices put it in their reports.</param>
/// <param name="Sector">The sector it belongs to.</param>
/// <param name="Type">The scenario type (template) it follows.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
public sealed record Scenario(string Id, Sector Sector, string Type, string NameZh, string NameEn)
{
    /// <summary>The sector as stored in the InfluxDB tag.</summary>
    public string SectorTag => Sector.ToString().ToLowerInvariant();

    /// <summary>Who runs the demonstration; null when the catalogue does not say.</summary>
    public string? Provider { get; init; }

    /// <summary>Sites and their devices whose reports count for this scenario (empty: not listed).</summary>
    public IReadOnlyList<ScenarioSite> Sites { get; init; } = [];

    /// <summary>The demonstration period; null when the catalogue does not say.</summary>
    public DemonstrationPeriod? Period { get; init; }

    /// <summary>The scenario's own thresholds, targets or weights, applied over its type's rubric.</summary>
    public IReadOnlyList<KpiOverride> KpiOverrides { get; init; } = [];

    /// <summary>The declared outcome measure and its baseline; null when the scenario declares none.</summary>
    public OutcomeDeclaration? Outcome { get; init; }

    /// <summary>Line of the entry in the catalogue file (0 when not loaded from a file).</summary>
    public long Line { get; init; }
}
