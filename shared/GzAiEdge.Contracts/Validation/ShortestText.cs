namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// Whether a JSON number's own text already is the shortest round-trip form .NET writes for its
/// double ("R"), so that it can be copied instead of formatted. Sure only for plain decimals of at most
/// 15 significant digits (every such decimal maps to a distinct double, so no shorter text exists: DBL_DIG)
/// without trailing fraction zeros and with a decimal exponent in -4..14, which "R" writes without an exponent.
/// </summary>
internal static class ShortestText
{
    private const int MaxDigits = 15;

    public static bool IsShortest(ReadOnlySpan<byte> number)
    {
        var digits = number[0] == '-' ? number[1..] : number;
        if (digits.ContainsAny((byte)'e', (byte)'E'))
        {
            return false;
        }

        var dot = digits.IndexOf((byte)'.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? [] : digits[(dot + 1)..];
        if (!fraction.IsEmpty && fraction[^1] == '0')
        {
            return false;
        }

        if (whole is [(byte)'0'])
        {
            var zeros = fraction.IndexOfAnyExcept((byte)'0');
            return fraction.IsEmpty || (zeros <= 3 && fraction.Length - zeros <= MaxDigits);
        }

        return whole.Length + fraction.Length <= MaxDigits;
    }
}
