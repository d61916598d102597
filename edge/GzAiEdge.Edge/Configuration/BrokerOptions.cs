namespace GzAiEdge.Edge.Configuration;

/// <summary>The MQTT broker the device publishes to (config section <c>Broker</c>).</summary>
public sealed record BrokerOptions
{
    public const string Section = "Broker";

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public int KeepAliveSeconds { get; init; } = 30;

    /// <summary>PEM CA file; when set the connection uses TLS.</summary>
    public string? CaFile { get; init; }
}
