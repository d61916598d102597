namespace GzAiEdge.Cloud.TimeSeries;

/// <summary>Where the InfluxDB 1.x HTTP API is and how to reach it (configuration section <c>InfluxDb</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record InfluxDbOptions
{
    public const string Section = "InfluxDb";

    /// <summary>The HTTP API root, e.g. <c>http://127.0.0.1:8086/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1:8086/");

    public string Database { get; set; } = "gz";

    /// <summary>Sent as HTTP basic authentication when set (InfluxDB with <c>auth-enabled = true</c>).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Per request; a request that takes longer counts as InfluxDB being unavailable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
