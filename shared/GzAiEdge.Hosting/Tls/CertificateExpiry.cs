using System.Security.Cryptography.X509Certificates;

namespace GzAiEdge.Hosting.Tls;

/// <summary>How close to its end a certificate may be before the cloud warns at start and <c>gz doctor</c> warns.</summary>
public static class CertificateExpiry
{
    /// <summary>A certificate that ends within this is reported, so that there is time to renew it.</summary>
    public static readonly TimeSpan WarnWithin = TimeSpan.FromDays(30);

    /// <summary>When the PEM certificate (the first of a chain) in <paramref name="path"/> ends.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The file holds no PEM certificate.</exception>
    public static DateTimeOffset NotAfter(string path)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
        return new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
    }

    /// <summary>Whether a certificate ending at <paramref name="notAfter"/> has expired, ends soon, or is fine at <paramref name="now"/>.</summary>
    public static CertificateState StateAt(DateTimeOffset notAfter, DateTimeOffset now) =>
        notAfter <= now ? CertificateState.Expired
        : notAfter - now < WarnWithin ? CertificateState.ExpiresSoon
        : CertificateState.Valid;
}

/// <summary>A certificate's state by its end date.</summary>
public enum CertificateState
{
    /// <summary>More than <see cref="CertificateExpiry.WarnWithin"/> left.</summary>
    Valid,

    /// <summary>Still valid, but ends within <see cref="CertificateExpiry.WarnWithin"/>.</summary>
    ExpiresSoon,

    /// <summary>Past its end: clients refuse it.</summary>
    Expired,
}
