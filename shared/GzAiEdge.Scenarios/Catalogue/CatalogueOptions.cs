namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>Where the cloud finds the scenario catalogue (config section <c>Catalogue</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record CatalogueOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Catalogue";

    /// <summary>The catalogue file (YAML); relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "firmware-configs/scenarios/catalogue.yaml";
}
