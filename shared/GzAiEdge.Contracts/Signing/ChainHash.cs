using System.Security.Cryptography;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

/// <summary>SHA-256 as the hash chain uses it: lowercase hex of the digest of canonical bytes.</summary>
public static class ChainHash
{
    /// <summary>The <c>prev</c> of a device's first report: 64 zeros, no report before it.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The chain hash of a report: what the next report's <c>prev</c> and ingestion's <c>hash</c> hold.</summary>
    public static string Of(KpiReport report) => Compute(CanonicalBytes.Of(report));

    /// <summary>The hash a checkpoint's signature covers.</summary>
    public static string Of(Checkpoint checkpoint) => Compute(CanonicalBytes.Of(checkpoint));

    /// <summary>Length of a chain hash: 64 hex digits.</summary>
    public const int Length = 64;

    /// <summary>SHA-256 of <paramref name="bytes"/> as 64 lowercase hex digits.</summary>
    public static string Compute(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether <paramref name="value"/> has the shape of a chain hash (64 lowercase hex digits).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigitLower);
}
