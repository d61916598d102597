using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>Opens the byte stream under MQTT: TCP, optionally wrapped in TLS.</summary>
internal static class MqttTransport
{
    public static async Task<Stream> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
            var stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls is null)
            {
                return stream;
            }

            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsClientAsync(CreateTlsOptions(options.Host, options.Tls), cancellationToken);
                return tls;
            }
            catch
            {
                await tls.DisposeAsync();
                throw;
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SslClientAuthenticationOptions CreateTlsOptions(string host, MqttTlsOptions tls)
    {
        var result = new SslClientAuthenticationOptions
        {
            TargetHost = tls.TargetHost ?? host,
            RemoteCertificateValidationCallback = tls.CertificateValidationCallback,
        };
        if (tls.CaFile is not null)
        {
            // Only the given CA is trusted: a broker certificate from any other CA fails the handshake.
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.ImportFromPemFile(tls.CaFile);
            result.CertificateChainPolicy = policy;
        }

        if (tls.ClientCertificateFile is not null)
        {
            var certificate = X509Certificate2.CreateFromPemFile(tls.ClientCertificateFile, tls.ClientKeyFile);
            result.ClientCertificates = [certificate];
        }

        return result;
    }
}
