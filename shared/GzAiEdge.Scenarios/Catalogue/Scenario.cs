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
}
