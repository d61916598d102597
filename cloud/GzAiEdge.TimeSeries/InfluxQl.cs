using System.Globalization;
using System.Text;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// Quotes values into InfluxQL so that queries are never built from raw input. InfluxQL quoted
/// identifiers and string literals share one scanner: backslash escapes the quote, the backslash and
/// <c>\n</c>; a raw line break ends the token with "bad string".
/// </summary>
public static class InfluxQl
{
    /// <summary>A double-quoted identifier: measurement, tag key, field key, database.</summary>
    public static string Identifier(string name) => Quote(name, '"');

    /// <summary>A single-quoted string literal, e.g. a tag value in a WHERE clause.</summary>
    public static string StringLiteral(string value) => Quote(value, '\'');

    /// <summary>An RFC 3339 time literal in UTC with full (100 ns) precision.</summary>
    public static string TimeLiteral(DateTimeOffset time) =>
        "'" + time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'";

    private static string Quote(string value, char quote)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ => builder.Append(c),
            };
        }

        return builder.Append(quote).ToString();
    }
}
