using System.Security.Cryptography;

namespace GzAiEdge.Contracts.Signing;

/// <summary>Checks signatures against one device's public key; needs nothing secret.</summary>
public sealed class SignatureCheck : IDisposable
{
    private readonly ECDsa _key;

    private SignatureCheck(ECDsa key)
    {
        _key = key;
        Kid = KeyId.Of(key);
    }

    /// <summary>The id of the public key.</summary>
    public string Kid { get; }

    /// <summary>Loads a PEM SubjectPublicKeyInfo; throws <see cref="InvalidDataException"/> naming <paramref name="source"/> when it is not a P-256 one.</summary>
    public static SignatureCheck FromPem(string pem, string source) => new(P256Pem.Import(pem, source, "public key"));

    /// <summary>
    /// Whether <paramref name="sig"/> (base64 P1363) signs the SHA-256 digest given as lowercase hex
    /// in <paramref name="hashHex"/>. Malformed input is simply not a valid signature.
    /// </summary>
    public bool Verify(string hashHex, string sig)
    {
        Span<byte> hash = stackalloc byte[32];
        Span<byte> signature = stackalloc byte[64];
        if (!ChainHash.IsWellFormed(hashHex)
            || Convert.FromHexString(hashHex, hash, out _, out _) != System.Buffers.OperationStatus.Done
            || !Convert.TryFromBase64String(sig, signature, out var length) || length != 64)
        {
            return false;
        }

        return _key.VerifyHash(hash, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
