using GzAiEdge.Mqtt;

namespace GzAiEdge.Ingestion.Broker;

/// <summary>
/// The broker the cloud connects to (config section <c>Broker</c>), and the identity each of its jobs connects as:
/// ingestion (<see cref="Ingest"/>: reads device topics), the live feed and alerts (<see cref="Live"/>: reads, writes
/// <c>gz/v1/alerts</c>) and device commands (<see cref="Commander"/>: writes <c>gz/v1/+/+/cmd</c>), each on its own connection.
/// </summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record CloudBrokerOptions
{
    public const string Section = "Broker";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>PEM CA file the broker's certificate is checked against; every connection uses TLS.</summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// Connect without TLS when <see cref="CaFile"/> is not set. Off by default: a config without TLS fails at start
    /// unless this says so, and while it is on every start logs a warning.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>Ingestion's identity: one per ingestion instance (the broker keeps a persistent session for each).</summary>
    public MqttIdentityOptions Ingest { get; set; } = new();

    /// <summary>The live feed's and alerts' identity.</summary>
    public MqttIdentityOptions Live { get; set; } = new();

    /// <summary>The identity device commands are published as.</summary>
    public MqttIdentityOptions Commander { get; set; } = new();

    /// <summary>Whether the connections use TLS.</summary>
    public bool UsesTls => CaFile is { Length: > 0 };

    /// <summary>Client options for a job's connection as <paramref name="identity"/>; the caller sets session and flow control.</summary>
    /// <param name="identity">One of <see cref="Ingest"/>, <see cref="Live"/>, <see cref="Commander"/>.</param>
    /// <param name="defaultClientId">The client id when the identity names neither a client id nor a username.</param>
    public MqttClientOptions ClientOptions(MqttIdentityOptions identity, string defaultClientId) => new()
    {
        Host = Host,
        Port = Port,
        ClientId = identity.ClientId is { Length: > 0 } id ? id : identity.Username is { Length: > 0 } user ? user : defaultClientId,
        Username = identity.Username,
        Password = identity.Password,
        Tls = UsesTls
            ? new MqttTlsOptions { CaFile = CaFile, ClientCertificateFile = identity.ClientCertificateFile, ClientKeyFile = identity.ClientKeyFile }
            : null,
    };

    /// <summary>Logs, at every start of a job's connection, that it runs on an explicit opt-out of TLS.</summary>
    public void WarnIfPlaintextAllowed(ILogger logger, string job)
    {
        if (!AllowPlaintext)
        {
            return;
        }

        if (UsesTls)
        {
            BrokerLog.PlaintextAllowedButUnused(logger, job, Host, Port);
        }
        else
        {
            BrokerLog.Plaintext(logger, job, Host, Port);
        }
    }
}
