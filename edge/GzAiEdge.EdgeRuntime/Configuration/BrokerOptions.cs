namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>The MQTT broker the device publishes to (config section <c>Broker</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record BrokerOptions
{
    public const string Section = "Broker";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>PEM CA file; when set the connection uses TLS.</summary>
    public string? CaFile { get; set; }
}
