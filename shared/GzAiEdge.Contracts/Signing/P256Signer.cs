using System.Security.Cryptography;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// An ECDSA P-256 private key that signs contracts: a device's (<see cref="DeviceSigner"/>), the programme's
/// (<see cref="ProgrammeSigner"/>) or the cloud's command key (<see cref="CommandSigner"/>). Every signature is over SHA-256 of canonical bytes, IEEE P1363 (r‖s), base64,
/// and checked with <see cref="SignatureCheck"/>.
/// </summary>
public abstract class P256Signer : IDisposable
{
    private readonly ECDsa _key;

    private protected P256Signer(ECDsa key)
    {
        _key = key;
        Kid = KeyId.Of(key);
    }

    /// <summary>The key's id, written into every message it signs.</summary>
    public string Kid { get; }

    /// <summary>The public key as a PEM SubjectPublicKeyInfo, for those who check the signatures.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The private key as PEM PKCS#8, for its owner to keep.</summary>
    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    /// <inheritdoc />
    public void Dispose()
    {
        _key.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected string SignBytes(byte[] canonical) =>
        Convert.ToBase64String(_key.SignHash(SHA256.HashData(canonical), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
}
