using System.Security.Cryptography;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// A short public name of a signing key: the first 16 lowercase hex digits of SHA-256 over the
/// key's SubjectPublicKeyInfo (DER). It lets a verifier tell "signed with another key" from
/// "content changed after signing" without trying every key it knows.
/// </summary>
public static class KeyId
{
    /// <summary>The key id of <paramref name="key"/> (its public part).</summary>
    public static string Of(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    /// <summary>Whether <paramref name="value"/> has the shape of a key id (16 lowercase hex digits).</summary>
    public static bool IsWellFormed(string? value) => value is { Length: 16 } && value.All(char.IsAsciiHexDigitLower);
}
