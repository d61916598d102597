using System.Security.Cryptography;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// <see cref="ChainHash.Compute(ReadOnlySpan{byte})"/> for one message after another without allocating:
/// the digest goes straight into the caller's UTF-8 buffer, and one SHA-256 context is reused (a fresh
/// one-shot context costs about as much as hashing a whole report). Not thread-safe: one per thread or loop.
/// </summary>
public sealed class ChainHasher : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Writes the 64 lowercase hex digits of SHA-256 of <paramref name="bytes"/> into <paramref name="hex"/> (at least <see cref="ChainHash.Length"/> bytes).</summary>
    public void Compute(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        _sha256.AppendData(bytes);
        _sha256.GetHashAndReset(digest);
        if (!Convert.TryToHexStringLower(digest, hex, out _))
        {
            throw new ArgumentException($"needs {ChainHash.Length} bytes", nameof(hex));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sha256.Dispose();
}
