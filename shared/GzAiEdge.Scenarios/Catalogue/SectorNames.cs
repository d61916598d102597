namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>Sector names as written in YAML files and InfluxDB tags.</summary>
internal static class SectorNames
{
    public const string All = "traffic, manufacturing, medical, energy, city";

    public static bool TryParse(string text, out Sector sector) =>
        Enum.TryParse(text, ignoreCase: true, out sector) && Enum.IsDefined(sector) && !int.TryParse(text, out _);
}
