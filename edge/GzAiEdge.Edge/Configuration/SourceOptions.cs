namespace GzAiEdge.Edge.Configuration;

/// <summary>Where samples come from (config section <c>Source</c>).</summary>
public sealed record SourceOptions
{
    public const string Section = "Source";

    /// <summary>Only <c>simulated</c> for now; cameras, sensors and replay come with their drivers.</summary>
    public string Kind { get; init; } = "simulated";

    /// <summary>For the simulated source: <c>traffic</c>, <c>manufacturing</c> or <c>medical</c>.</summary>
    public string Profile { get; init; } = string.Empty;

    /// <summary>Seed of the simulation, so that a run can be repeated.</summary>
    public int Seed { get; init; }

    /// <summary>Samples per second the simulation produces.</summary>
    public double SampleHz { get; init; } = 5;
}
