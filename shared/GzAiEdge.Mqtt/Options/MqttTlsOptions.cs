using System.Net.Security;

namespace GzAiEdge.Mqtt;

/// <summary>TLS settings. All files are PEM.</summary>
public sealed record MqttTlsOptions
{
    /// <summary>CA certificate(s) that are the only trusted roots for the broker certificate; null uses the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>Client certificate for mutual TLS; needs <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>Private key of the client certificate.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>The name the broker certificate must carry; the connection host by default.</summary>
    public string? TargetHost { get; init; }

    /// <summary>Optional extra validation; replaces the default check when set.</summary>
    public RemoteCertificateValidationCallback? CertificateValidationCallback { get; init; }
}
