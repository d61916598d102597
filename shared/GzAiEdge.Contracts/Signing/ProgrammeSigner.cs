using System.Security.Cryptography;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// The programme operator's ECDSA P-256 key, which signs model manifests (<c>gz model sign</c>). The private key
/// stays with the operator; every device holds the public part (<see cref="PublicKeyPem"/>, checked with
/// <see cref="SignatureCheck"/>) and installs only models whose manifest it signed.
/// </summary>
public sealed class ProgrammeSigner : IDisposable
{
    private readonly ECDsa _key;

    private ProgrammeSigner(ECDsa key)
    {
        _key = key;
        Kid = KeyId.Of(key);
    }

    /// <summary>The key's id, written into every manifest it signs.</summary>
    public string Kid { get; }

    /// <summary>The public key as a PEM SubjectPublicKeyInfo, for the devices (and the cloud).</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Loads a PEM private key (PKCS#8 or SEC1); throws <see cref="InvalidDataException"/> naming the file when it is not a P-256 key.</summary>
    public static ProgrammeSigner FromPemFile(string path) => new(P256Pem.Import(File.ReadAllText(path), path, "programme private key"));

    /// <summary>Creates a fresh P-256 key pair (for provisioning and tests).</summary>
    public static ProgrammeSigner Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>The private key as PEM PKCS#8, for the operator to keep.</summary>
    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>Sets <c>kid</c> and <c>sig</c> on <paramref name="manifest"/>.</summary>
    public ModelManifest Sign(ModelManifest manifest)
    {
        var unsigned = manifest with { Kid = Kid, Sig = null };
        return unsigned with { Sig = P256Pem.Sign(_key, CanonicalBytes.Of(unsigned)) };
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
