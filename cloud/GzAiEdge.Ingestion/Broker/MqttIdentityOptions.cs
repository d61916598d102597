namespace GzAiEdge.Ingestion.Broker;

/// <summary>
/// One MQTT identity of the cloud: who a job connects as (<c>Broker:Ingest</c>, <c>Broker:Live</c>, <c>Broker:Commander</c>).
/// <c>gz provision</c> makes one per job, each with only the rights its job needs, so an instance holds only the
/// secrets of the jobs it runs.
/// </summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record MqttIdentityOptions
{
    /// <summary>The broker username; null connects without one (an anonymous broker, or one that takes the identity from the client certificate).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The MQTT client id; the username by default. Brokers set up by <c>gz provision</c> use the username as the
    /// client id whatever is sent (<c>use_username_as_clientid</c>), so that no identity can take over another's session.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>PEM client certificate for mutual TLS (with <see cref="ClientKeyFile"/>); the broker may take the identity from it.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; set; }
}
