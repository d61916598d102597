namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Who this device is and how it reports (config section <c>Edge</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record EdgeOptions
{
    public const string Section = "Edge";

    public string Site { get; set; } = string.Empty;

    public string Device { get; set; } = string.Empty;

    public string Scenario { get; set; } = string.Empty;

    /// <summary>Length of a KPI window; windows are aligned to multiples of it since the Unix epoch.</summary>
    public int WindowSeconds { get; set; } = 10;

    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary>Where the outbox (reports not yet acknowledged, the chain head and <c>seq</c>) is kept across restarts.</summary>
    public string StateDirectory { get; set; } = "state";

    /// <summary>PEM ECDSA P-256 private key the device signs reports with (from <c>gz provision</c>); unsigned when empty.</summary>
    public string? SigningKeyFile { get; set; }
}
