using System.Buffers;
using System.Buffers.Text;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The JSON tokens of <see cref="Utf8KpiReportReader"/>'s subset (RFC 8259): whitespace, punctuation, numbers and plain strings.</summary>
internal ref partial struct Utf8KpiReportReader
{
    // Printable ASCII but the quote and the backslash: string bytes that need no unescaping.
    private static readonly SearchValues<byte> Plain = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private bool TryInteger(out long value)
    {
        value = 0;
        return TryNumber(out var number) && number[0] != '-' && !number.ContainsAny((byte)'.', (byte)'e', (byte)'E')
            && Utf8Parser.TryParse(number, out value, out var consumed) && consumed == number.Length;
    }

    /// <summary>A JSON number: <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c> (RFC 8259 section 6).</summary>
    private bool TryNumber(out ReadOnlySpan<byte> number)
    {
        number = default;
        var start = SkipWhiteSpace();
        var at = start;
        if (At(at) == '-')
        {
            at++;
        }

        if (At(at) == '0')
        {
            at++;
        }
        else if (!Digits(ref at))
        {
            return false;
        }

        if (At(at) == '.')
        {
            at++;
            if (!Digits(ref at))
            {
                return false;
            }
        }

        if (At(at) is (byte)'e' or (byte)'E')
        {
            at++;
            if (At(at) is (byte)'+' or (byte)'-')
            {
                at++;
            }

            if (!Digits(ref at))
            {
                return false;
            }
        }

        number = _json[start..at];
        _position = at;
        return true;
    }

    private readonly bool Digits(ref int at)
    {
        var start = at;
        while (At(at) is >= (byte)'0' and <= (byte)'9')
        {
            at++;
        }

        return at > start;
    }

    /// <summary>
    /// A string whose content is printable ASCII without quotes or backslashes once unescaped. Escapes
    /// that yield such a character (System.Text.Json writes '+' as <c>\u002B</c>, so signatures have them)
    /// are unescaped into the scratch; <paramref name="start"/> is then -1, else where the content starts in the payload.
    /// </summary>
    private bool TryString(out ReadOnlySpan<byte> value, out int start)
    {
        value = default;
        var quote = SkipWhiteSpace();
        start = quote + 1;
        if (At(quote) != '"')
        {
            return false;
        }

        var rest = _json[start..];
        var end = rest.IndexOfAnyExcept(Plain);
        if (end >= 0 && rest[end] == '"')
        {
            value = rest[..end];
            _position = start + end + 1;
            return true;
        }

        var scratchStart = _textsUsed;
        var at = start;
        while (end >= 0 && rest[end] == '\\')
        {
            if (!TryUnescape(at + end, out var unescaped, out var length) || _textsUsed + end + 1 > _texts.Length)
            {
                return false;
            }

            rest[..end].CopyTo(_texts[_textsUsed..]);
            _texts[_textsUsed + end] = unescaped;
            _textsUsed += end + 1;
            at += end + length;
            rest = _json[at..];
            end = rest.IndexOfAnyExcept(Plain);
        }

        if (end < 0 || rest[end] != '"' || _textsUsed + end > _texts.Length)
        {
            return false;
        }

        rest[..end].CopyTo(_texts[_textsUsed..]);
        _textsUsed += end;
        value = _texts[scratchStart.._textsUsed];
        start = -1;
        _position = at + end + 1;
        return true;
    }

    /// <summary>The escape at <paramref name="backslash"/> if it stands for a plain character: <c>\/</c> or <c>\u00XX</c> (RFC 8259 section 7).</summary>
    private readonly bool TryUnescape(int backslash, out byte character, out int length)
    {
        character = 0;
        length = 2;
        if (At(backslash + 1) == '/')
        {
            character = (byte)'/';
            return true;
        }

        length = 6;
        if (At(backslash + 1) != 'u' || At(backslash + 2) != '0' || At(backslash + 3) != '0'
            || !HexDigit(At(backslash + 4), out var high) || !HexDigit(At(backslash + 5), out var low))
        {
            return false;
        }

        character = (byte)((high << 4) | low);
        return Plain.Contains(character);
    }

    private static bool HexDigit(byte digit, out int value)
    {
        value = digit switch
        {
            >= (byte)'0' and <= (byte)'9' => digit - '0',
            >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }

    private bool Take(byte token)
    {
        var at = SkipWhiteSpace();
        if (At(at) != token)
        {
            return false;
        }

        _position = at + 1;
        return true;
    }

    private int SkipWhiteSpace()
    {
        while (At(_position) is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _position++;
        }

        return _position;
    }

    private readonly byte At(int index) => index < _json.Length ? _json[index] : (byte)0;
}
