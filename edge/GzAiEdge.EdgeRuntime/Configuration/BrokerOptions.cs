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

    /// <summary>PEM CA file the broker's certificate is checked against; the connection uses TLS.</summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// Connect without TLS when <see cref="CaFile"/> is not set. Off by default: a config without TLS fails at start
    /// unless this says so, and while it is on every start logs a warning.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>PEM client certificate for mutual TLS (with <see cref="ClientKeyFile"/>); a broker set up with <c>gz provision --client-certs</c> takes the device's identity from it.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Whether the connection uses TLS.</summary>
    public bool UsesTls => CaFile is { Length: > 0 };
}
