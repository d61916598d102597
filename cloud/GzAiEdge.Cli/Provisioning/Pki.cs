using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>A site's own CA and the certificates it signs (ECDSA P-256, SHA-256), made with .NET alone.</summary>
internal sealed class Pki : IDisposable
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);
    private readonly ECDsa _caKey;

    private Pki(X509Certificate2 ca, ECDsa caKey) => (Ca, _caKey) = (ca, caKey);

    public X509Certificate2 Ca { get; }

    public static Pki CreateCa(string site)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=GzAiEdge CA {site}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new Pki(request.CreateSelfSigned(now.AddMinutes(-5), now + Validity), key);
    }

    public void WriteCa(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "ca.crt"), Ca.ExportCertificatePem());
        Secret(Path.Combine(folder, "ca.key"), _caKey.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A server certificate for the broker, valid for <paramref name="hosts"/> (names or IP addresses).</summary>
    public void WriteServer(string folder, string name, IReadOnlyList<string> hosts)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var ip))
            {
                names.AddIpAddress(ip);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        Issue(folder, name, $"CN={hosts[0]}", "1.3.6.1.5.5.7.3.1", names.Build());
    }

    /// <summary>A client certificate whose common name is the MQTT username (for mutual TLS).</summary>
    public void WriteClient(string folder, string name, string username) =>
        Issue(folder, name, $"CN={username}", "1.3.6.1.5.5.7.3.2", null);

    public void Dispose()
    {
        Ca.Dispose();
        _caKey.Dispose();
    }

    /// <summary>Writes a file only its owner can read (private keys, passwords).</summary>
    public static void Secret(string path, string text)
    {
        File.WriteAllText(path, string.Empty);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(path, text);
    }

    private void Issue(string folder, string name, string subject, string usage, X509Extension? altNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        if (altNames is not null)
        {
            request.CertificateExtensions.Add(altNames);
        }

        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(Ca, now.AddMinutes(-5), now + Validity - TimeSpan.FromDays(1), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(Path.Combine(folder, name + ".crt"), certificate.ExportCertificatePem());
        Secret(Path.Combine(folder, name + ".key"), key.ExportPkcs8PrivateKeyPem());
    }
}
