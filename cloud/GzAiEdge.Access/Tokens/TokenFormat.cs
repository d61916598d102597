using System.Security.Cryptography;
using System.Text;

namespace GzAiEdge.Access.Tokens;

/// <summary>
/// API tokens: a prefix that says whose kind of token it is and 256 random bits, base64url. They are random, not
/// passwords, so one SHA-256 is the right hash to keep (a slow hash protects guessable secrets; these are not).
/// </summary>
public static class TokenFormat
{
    /// <summary>A person's token.</summary>
    public const string PersonalPrefix = "gzp_";

    /// <summary>A device's token (<c>gz provision</c>).</summary>
    public const string DevicePrefix = "gzd_";

    private const int SecretLength = 43;

    /// <summary>A new token with the prefix.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What is kept of a token: its SHA-256, lowercase hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when the text has a token's prefix, length and alphabet (a garbled one is refused before any lookup).</summary>
    public static bool IsWellFormed(string token, string prefix) =>
        token.Length == prefix.Length + SecretLength && token.StartsWith(prefix, StringComparison.Ordinal)
        && token.AsSpan(prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>A short public id for a token (12 hex digits).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
