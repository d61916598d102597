using System.Buffers;
using System.Globalization;
using System.Text;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// Writes points as InfluxDB 1.x line protocol (UTF-8, one point per line, <c>\n</c>-terminated)
/// straight into a buffer. A point is validated completely before any byte of it is written, so an
/// <see cref="ArgumentException"/> never leaves half a line behind. Not thread-safe: one writer per batch.
/// </summary>
public sealed class LineProtocolWriter
{
    // Which characters get a backslash, per element (InfluxDB 1.x line protocol reference, "Special characters").
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", ");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= ");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\");
    private static readonly SearchValues<char> Newlines = SearchValues.Create("\r\n");

    private readonly IBufferWriter<byte> _output;
    private KeyValuePair<string, string>[] _sortedTags = new KeyValuePair<string, string>[8];

    public LineProtocolWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Appends one point and its line feed.</summary>
    /// <exception cref="ArgumentException">The point cannot be written; the message names the offending key.</exception>
    public void Write(LinePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var tagCount = Validate(point);

        WriteEscaped(point.Measurement, MeasurementSpecials);
        foreach (var (key, value) in _sortedTags.AsSpan(0, tagCount))
        {
            WriteByte((byte)',');
            WriteEscaped(key, KeySpecials);
            WriteByte((byte)'=');
            WriteEscaped(value, KeySpecials);
        }

        var fields = point.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            WriteByte(i == 0 ? (byte)' ' : (byte)',');
            WriteEscaped(fields[i].Key, KeySpecials);
            WriteByte((byte)'=');
            WriteFieldValue(fields[i].Value);
        }

        WriteByte((byte)' ');
        WriteFormatted(point.Timestamp);
        WriteByte((byte)'\n');
        Array.Clear(_sortedTags, 0, tagCount);
    }

    /// <summary>Checks the whole point and leaves its non-empty tags sorted by key in <see cref="_sortedTags"/>.</summary>
    private int Validate(LinePoint point)
    {
        var measurement = point.Measurement;
        CheckName(measurement, MeasurementSpecials, measurement, "measurement name");

        var tags = point.Tags;
        if (_sortedTags.Length < tags.Count)
        {
            _sortedTags = new KeyValuePair<string, string>[tags.Count];
        }

        var tagCount = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            var (key, value) = tags[i];
            CheckName(key, KeySpecials, measurement, "tag key");
            if (value is null)
            {
                throw new ArgumentException($"Measurement \"{measurement}\": tag \"{key}\" has a null value.", nameof(point));
            }

            // InfluxDB does not store empty tag values ("missing tag value"); absent and empty mean the same in queries.
            if (value.Length > 0)
            {
                CheckName(value, KeySpecials, measurement, "value", ofTag: key);
                _sortedTags[tagCount++] = tags[i];
            }
        }

        // Sorted tags spare InfluxDB a sort per point (InfluxDB 1.x write performance guidance).
        var sorted = _sortedTags.AsSpan(0, tagCount);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Key, sorted[i].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Measurement \"{measurement}\": tag \"{sorted[i].Key}\" appears twice.", nameof(point));
            }
        }

        var fields = point.Fields;
        if (fields.Count == 0)
        {
            throw new ArgumentException($"Measurement \"{measurement}\": a point needs at least one field.", nameof(point));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var (key, value) = fields[i];
            CheckName(key, KeySpecials, measurement, "field key");
            if (value.Kind == FieldKind.Float && !double.IsFinite(value.AsFloat))
            {
                throw new ArgumentException(
                    $"Measurement \"{measurement}\": field \"{key}\" is {value.AsFloat}; InfluxDB cannot store NaN or infinity.", nameof(point));
            }
        }

        return tagCount;
    }

    private static void CheckName(string name, SearchValues<char> specials, string measurement, string element, string? ofTag = null)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"Measurement \"{measurement}\": {Describe(element, ofTag)} is empty.", "point");
        }

        if (name.AsSpan().ContainsAny(Newlines))
        {
            throw new ArgumentException($"Measurement \"{measurement}\": {Describe(element, ofTag)} \"{name}\" contains a line break, which line protocol cannot carry.", "point");
        }

        // The parser reads "\x" as a pair, so a backslash right before an escaped character (or at
        // the end) would swallow the escape: such names have no line-protocol spelling.
        for (var i = name.IndexOf('\\', StringComparison.Ordinal); i >= 0; i = name.IndexOf('\\', i + 1))
        {
            if (i == name.Length - 1 || specials.Contains(name[i + 1]))
            {
                throw new ArgumentException(
                    $"Measurement \"{measurement}\": {Describe(element, ofTag)} \"{name}\" has a backslash at its end or before a character that needs escaping, which line protocol cannot carry.", "point");
            }
        }
    }

    // Messages are built only on failure: names are checked for every tag of every point.
    private static string Describe(string element, string? ofTag) => ofTag is null ? element : $"{element} of tag \"{ofTag}\"";

    private void WriteFieldValue(FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldKind.Float:
                WriteFormatted(value.AsFloat);
                break;
            case FieldKind.Integer:
                WriteFormatted(value.AsInteger);
                WriteByte((byte)'i');
                break;
            case FieldKind.Boolean:
                WriteUtf8(value.AsBoolean ? "true" : "false");
                break;
            default:
                WriteByte((byte)'"');
                WriteEscaped(value.AsString, StringSpecials);
                WriteByte((byte)'"');
                break;
        }
    }

    private void WriteEscaped(string value, SearchValues<char> specials)
    {
        var rest = value.AsSpan();
        for (var i = rest.IndexOfAny(specials); i >= 0; i = rest.IndexOfAny(specials))
        {
            WriteUtf8(rest[..i]);
            WriteByte((byte)'\\');
            WriteByte((byte)rest[i]);
            rest = rest[(i + 1)..];
        }

        WriteUtf8(rest);
    }

    private void WriteUtf8(ReadOnlySpan<char> chars)
    {
        if (!chars.IsEmpty)
        {
            var destination = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
            _output.Advance(Encoding.UTF8.GetBytes(chars, destination));
        }
    }

    // "R" is the shortest text that parses back to the same double (0.1 stays 0.1, 1e21 is 1E+21),
    // and Go's ParseFloat in InfluxDB reads that syntax.
    private void WriteFormatted(double value) => Advance(value.TryFormat(_output.GetSpan(32), out var written, "R", CultureInfo.InvariantCulture), written);

    private void WriteFormatted(long value) => Advance(value.TryFormat(_output.GetSpan(20), out var written, default, CultureInfo.InvariantCulture), written);

    private void Advance(bool formatted, int written)
    {
        if (!formatted)
        {
            throw new InvalidOperationException("the output buffer returned a span smaller than requested");
        }

        _output.Advance(written);
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }
}
