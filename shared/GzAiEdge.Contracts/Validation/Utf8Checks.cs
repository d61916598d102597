using System.Buffers;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The contract's shape rules (<see cref="Identifiers"/>, <see cref="KpiReportValidator"/>) on UTF-8 bytes, for the allocation-free reader.</summary>
internal static class Utf8Checks
{
    private static readonly SearchValues<byte> IdentifierTail = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_"u8);
    private static readonly SearchValues<byte> KpiNameTail = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_"u8);
    private static readonly SearchValues<byte> LowerHex = SearchValues.Create("0123456789abcdef"u8);
    private static readonly SearchValues<byte> Base64 = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    /// <summary>What <see cref="Identifiers.Check"/> accepts.</summary>
    public static bool IsIdentifier(ReadOnlySpan<byte> value) =>
        value.Length is > 0 and <= Identifiers.MaxLength
        && value[0] is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
        && !value.ContainsAnyExcept(IdentifierTail);

    /// <summary>What <see cref="KpiReportValidator.IsKpiName"/> accepts, less the reserved names.</summary>
    public static bool IsKpiName(ReadOnlySpan<byte> name)
    {
        if (name.Length is 0 or > 64 || name[0] is < (byte)'a' or > (byte)'z' || name.ContainsAnyExcept(KpiNameTail))
        {
            return false;
        }

        Span<char> chars = stackalloc char[64];
        for (var i = 0; i < name.Length; i++)
        {
            chars[i] = (char)name[i];
        }

        return !KpiReportValidator.ReservedNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(chars[..name.Length]);
    }

    public static bool IsLowerHex(ReadOnlySpan<byte> value, int length) => value.Length == length && !value.ContainsAnyExcept(LowerHex);

    /// <summary>
    /// Base64 of 64 bytes as <see cref="Convert.TryFromBase64String"/> reads it: 86 digits and "==". Other
    /// spellings it also accepts (white space inside) are left to the general path.
    /// </summary>
    public static bool IsSignature(ReadOnlySpan<byte> value) =>
        value.Length == 88 && value[86] == '=' && value[87] == '=' && !value[..86].ContainsAnyExcept(Base64);

    /// <summary>Not empty and not only spaces (<see cref="string.IsNullOrWhiteSpace"/> for printable ASCII).</summary>
    public static bool HasText(ReadOnlySpan<byte> value) => value.ContainsAnyExcept((byte)' ');
}
