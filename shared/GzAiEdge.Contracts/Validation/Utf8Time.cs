namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// The UTC times devices write, <c>yyyy-MM-ddTHH:mm:ss[.f to .fffffff]</c> then <c>Z</c> or <c>+00:00</c>
/// (System.Text.Json writes the latter), read from UTF-8 without allocating.
/// </summary>
internal static class Utf8Time
{
    private const int SecondsEnd = 19;

    /// <summary>False for any other spelling (other offsets, more digits, lower-case letters): the general path reads those.</summary>
    public static bool TryParseUtc(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        var zone = text.EndsWith("Z"u8) ? 1 : text.EndsWith("+00:00"u8) ? 6 : 0;
        if (zone == 0 || text.Length < SecondsEnd + zone
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..SecondsEnd], out var second))
        {
            return false;
        }

        var fraction = 0;
        var digits = text[SecondsEnd..^zone];
        if (!digits.IsEmpty)
        {
            if (digits.Length is < 2 or > 8 || digits[0] != '.' || !TryDigits(digits[1..], out fraction))
            {
                return false;
            }

            for (var i = digits.Length - 1; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
