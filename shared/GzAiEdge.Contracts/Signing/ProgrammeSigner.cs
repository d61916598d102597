using System.Security.Cryptography;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// The programme operator's ECDSA P-256 key, which signs model manifests (<c>gz model sign</c>) and audit manifests
/// (the cloud's audit runs, with <c>Audits:SigningKeyFile</c>). The private key
/// stays with the operator; every device holds the public part (<see cref="P256Signer.PublicKeyPem"/>, checked with
/// <see cref="SignatureCheck"/>) and installs only models whose manifest it signed.
/// </summary>
public sealed class ProgrammeSigner : P256Signer
{
    private ProgrammeSigner(ECDsa key)
        : base(key)
    {
    }

    /// <summary>Loads a PEM private key (PKCS#8 or SEC1); throws <see cref="InvalidDataException"/> naming the file when it is not a P-256 key.</summary>
    public static ProgrammeSigner FromPemFile(string path) => new(P256Pem.Import(File.ReadAllText(path), path, "programme private key"));

    /// <summary>Creates a fresh P-256 key pair (for provisioning and tests).</summary>
    public static ProgrammeSigner Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Sets <c>kid</c> and <c>sig</c> on <paramref name="manifest"/>.</summary>
    public ModelManifest Sign(ModelManifest manifest)
    {
        var unsigned = manifest with { Kid = Kid, Sig = null };
        return unsigned with { Sig = SignBytes(CanonicalBytes.Of(unsigned)) };
    }

    /// <summary>Sets <c>kid</c> and <c>sig</c> on <paramref name="manifest"/>.</summary>
    public AuditManifest Sign(AuditManifest manifest)
    {
        var unsigned = manifest with { Kid = Kid, Sig = null };
        return unsigned with { Sig = SignBytes(CanonicalBytes.Of(unsigned)) };
    }
}
