using System.Globalization;
using System.Text;

namespace GzAiEdge.Inference.Metadata;

/// <summary>
/// Reads the Python literals an exporter writes with <c>str(value)</c>: integers, quoted strings, lists or
/// tuples, and dicts. Strings follow Python's <c>repr</c>: quoted with <c>'</c>, or with <c>"</c> when the text
/// holds a <c>'</c> and no <c>"</c>; backslash escapes for the quote, <c>\\</c>, <c>\n</c>, <c>\r</c>,
/// <c>\t</c> and non-printable characters (<c>\xhh</c>, <c>\uhhhh</c>, <c>\Uhhhhhhhh</c>); other characters as
/// they are. Errors are <see cref="FormatException"/>s that say what was expected at which character.
/// </summary>
internal sealed class PythonLiteral
{
    private readonly string _text;
    private int _pos;

    private PythonLiteral(string text) => _text = text;

    /// <summary>A dict of integer keys to strings, e.g. <c>{0: 'person', 1: 'bicycle'}</c>, keys unique.</summary>
    public static Dictionary<int, string> ParseIntToStringDict(string text)
    {
        var reader = new PythonLiteral(text);
        var result = new Dictionary<int, string>();
        reader.Expect('{', "'{' opening a dict");
        while (!reader.TryTake('}'))
        {
            var at = reader.Skip();
            var key = reader.ReadInt();
            reader.Expect(':', "':' after a key");
            if (!result.TryAdd(key, reader.ReadString()))
            {
                throw new FormatException($"key {key} appears twice (second at character {at + 1})");
            }

            if (!reader.TryTake(','))
            {
                reader.Expect('}', "',' or '}' after a value");
                break;
            }
        }

        reader.End();
        return result;
    }

    /// <summary>An integer, or a list or tuple of integers: <c>640</c>, <c>[640, 480]</c>, <c>(640,)</c>.</summary>
    public static List<int> ParseIntOrIntList(string text)
    {
        var reader = new PythonLiteral(text);
        var close = reader.TryTake('[') ? ']' : reader.TryTake('(') ? ')' : '\0';
        var result = new List<int>();
        if (close == '\0')
        {
            result.Add(reader.ReadInt());
        }
        else
        {
            while (!reader.TryTake(close))
            {
                result.Add(reader.ReadInt());
                if (!reader.TryTake(','))
                {
                    reader.Expect(close, $"',' or '{close}' after a number");
                    break;
                }
            }
        }

        reader.End();
        return result;
    }

    /// <summary>One integer, e.g. <c>32</c>.</summary>
    public static int ParseInt(string text)
    {
        var reader = new PythonLiteral(text);
        var value = reader.ReadInt();
        reader.End();
        return value;
    }

    private int Skip()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }

        return _pos;
    }

    private bool TryTake(char c)
    {
        if (Skip() < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(char c, string what)
    {
        if (!TryTake(c))
        {
            throw Unexpected(what);
        }
    }

    private void End()
    {
        if (Skip() < _text.Length)
        {
            throw Unexpected("the end of the value");
        }
    }

    private int ReadInt()
    {
        var start = Skip();
        if (_pos < _text.Length && _text[_pos] == '-')
        {
            _pos++;
        }

        var digits = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        return int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected(_pos > digits ? "an integer that fits 32 bits" : "an integer", start);
    }

    private string ReadString()
    {
        var start = Skip();
        if (_pos >= _text.Length || _text[_pos] is not ('\'' or '"'))
        {
            throw Unexpected("a quoted string");
        }

        var quote = _text[_pos++];
        var result = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            var c = _text[_pos++];
            if (c == '\\')
            {
                ReadEscape(result);
            }
            else
            {
                result.Append(c);
            }
        }

        if (_pos >= _text.Length)
        {
            throw new FormatException($"the string opened at character {start + 1} is not closed");
        }

        _pos++;
        return result.ToString();
    }

    private void ReadEscape(StringBuilder into)
    {
        var at = _pos - 1;
        var c = _pos < _text.Length ? _text[_pos++] : throw new FormatException($"a backslash at character {at + 1} ends the value");
        switch (c)
        {
            case 'x' or 'u':
                into.Append((char)Hex(c == 'x' ? 2 : 4, at));
                break;
            case 'U':
                var code = Hex(8, at);
                into.Append(code is >= 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF)
                    ? char.ConvertFromUtf32(code)
                    : throw new FormatException($"\\U{(uint)code:x8} at character {at + 1} is not a Unicode character"));
                break;
            default:
                var simple = c switch
                {
                    '\\' or '\'' or '"' => c,
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'a' => '\a',
                    'b' => '\b',
                    'f' => '\f',
                    'v' => '\v',
                    _ => (char?)null,
                };

                if (simple is { } known)
                {
                    into.Append(known);
                }
                else
                {
                    into.Append('\\').Append(c);   // Python keeps an unknown escape as it is, backslash included
                }

                break;
        }
    }

    private int Hex(int digits, int at)
    {
        if (_pos + digits > _text.Length || !int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"the escape at character {at + 1} needs {digits} hexadecimal digits");
        }

        _pos += digits;
        return value;
    }

    private FormatException Unexpected(string expected, int? at = null)
    {
        var pos = at ?? _pos;
        var found = pos >= _text.Length ? "the end" : _text[pos] == '\'' ? "\"'\"" : $"'{_text[pos]}'";
        return new FormatException($"expected {expected} at character {pos + 1}, found {found}");
    }
}
