namespace GzAiEdge.Edge.Configuration;

/// <summary>Where samples come from (config section <c>Source</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record SourceOptions
{
    public const string Section = "Source";

    /// <summary>Only <c>simulated</c> for now; cameras, sensors and replay come with their drivers.</summary>
    public string Kind { get; set; } = "simulated";

    /// <summary>For the simulated source: <c>traffic</c>, <c>manufacturing</c> or <c>medical</c>.</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>Seed of the simulation, so that a run can be repeated.</summary>
    public int Seed { get; set; }

    /// <summary>Samples per second the simulation produces.</summary>
    public double SampleHz { get; set; } = 5;
}
