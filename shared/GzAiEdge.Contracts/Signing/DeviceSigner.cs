using System.Security.Cryptography;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// Signs a device's reports and checkpoints with its ECDSA P-256 private key. The key stays in
/// the device's config; only its public part (<see cref="P256Signer.PublicKeyPem"/>) goes to the cloud.
/// </summary>
public sealed class DeviceSigner : P256Signer
{
    private DeviceSigner(ECDsa key)
        : base(key)
    {
    }

    /// <summary>Loads a PEM private key (PKCS#8 or SEC1); throws <see cref="InvalidDataException"/> naming the file when it is not a P-256 key.</summary>
    public static DeviceSigner FromPemFile(string path) => new(P256Pem.Import(File.ReadAllText(path), path, "private key"));

    /// <summary>
    /// Loads a PEM private key held in memory (a simulated fleet keeps thousands in one file);
    /// throws <see cref="InvalidDataException"/> naming <paramref name="source"/> when it is not a P-256 key.
    /// </summary>
    public static DeviceSigner FromPem(string pem, string source) => new(P256Pem.Import(pem, source, "private key"));

    /// <summary>Creates a fresh P-256 key pair (for provisioning and tests).</summary>
    public static DeviceSigner Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Sets <c>kid</c> and <c>sig</c> on <paramref name="report"/> (its <c>prev</c> must already be set).</summary>
    public KpiReport Sign(KpiReport report)
    {
        var unsigned = report with { Kid = Kid, Sig = null };
        return unsigned with { Sig = SignBytes(CanonicalBytes.Of(unsigned)) };
    }

    /// <summary>Sets <c>kid</c> and <c>sig</c> on <paramref name="checkpoint"/>.</summary>
    public Checkpoint Sign(Checkpoint checkpoint)
    {
        var unsigned = checkpoint with { Kid = Kid, Sig = null };
        return unsigned with { Sig = SignBytes(CanonicalBytes.Of(unsigned)) };
    }

    /// <summary>Sets <c>kid</c> and <c>sig</c> on an audit answer (its nonce must already be set).</summary>
    public AuditAnswer Sign(AuditAnswer answer)
    {
        var unsigned = answer with { Kid = Kid, Sig = null };
        return unsigned with { Sig = SignBytes(CanonicalBytes.Of(unsigned)) };
    }

    /// <summary>Sets <c>kid</c> and <c>sig</c> on an evidence upload (its nonce and report hash must already be set).</summary>
    public Evidence.EvidenceUpload Sign(Evidence.EvidenceUpload upload)
    {
        var unsigned = upload with { Kid = Kid, Sig = null };
        return unsigned with { Sig = SignBytes(CanonicalBytes.Of(unsigned)) };
    }
}
