namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>What the heartbeat reports of the board's health (config section <c>Health</c>, usually from the profile).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// The temperatures to report, each under a stable name. Empty reports every thermal zone the kernel
    /// has, named by its type.
    /// </summary>
    public List<ThermalZoneOptions> ThermalZones { get; set; } = [];
}

/// <summary>One reported temperature: the first thermal zone whose type is one of <see cref="Types"/>.</summary>
public sealed record ThermalZoneOptions
{
    /// <summary>The name in the heartbeat (<c>cpu</c>, <c>gpu</c>, <c>soc</c>): the same across boards.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// Zone types as <c>/sys/class/thermal/thermal_zone*/type</c> holds them, in order of preference. Zones are
    /// chosen by type because the kernel numbers them in probe order, which differs between kernels.
    /// </summary>
    public List<string> Types { get; set; } = [];
}
