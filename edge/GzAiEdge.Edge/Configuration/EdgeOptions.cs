namespace GzAiEdge.Edge.Configuration;

/// <summary>Who this device is and how it reports (config section <c>Edge</c>).</summary>
public sealed record EdgeOptions
{
    public const string Section = "Edge";

    public string Site { get; init; } = string.Empty;

    public string Device { get; init; } = string.Empty;

    public string Scenario { get; init; } = string.Empty;

    /// <summary>Length of a KPI window; windows are aligned to multiples of it since the Unix epoch.</summary>
    public int WindowSeconds { get; init; } = 10;

    public int HeartbeatSeconds { get; init; } = 30;

    /// <summary>Where the last used sequence number is kept, so <c>seq</c> continues after a restart.</summary>
    public string StateDirectory { get; init; } = "state";
}
