using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Configuration;

/// <summary>
/// The line of each configuration key in a JSON settings file, keys flattened as the JSON configuration provider
/// flattens them (<c>{"a": {"b": [1]}}</c> gives <c>a</c>, <c>a:b</c> and <c>a:b:0</c>).
/// </summary>
public static class JsonKeyLines
{
    /// <summary>The keys of the file and their 1-based lines; empty when the file cannot be read.</summary>
    public static IReadOnlyDictionary<string, long> Read(string path)
    {
        var lines = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return lines;
        }

        // As the provider reads it: comments and trailing commas allowed.
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var open = new Stack<Container>();
        string? property = null;
        var (line, counted) = (1L, 0);
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                line += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
                counted = start;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = Join(open.Peek().Prefix, reader.GetString()!);
                    lines.TryAdd(property, line);
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.Pop();
                    continue;
                }

                // A value starts: under the property just named, or as the next item of the enclosing list.
                var key = property;
                property = null;
                if (key is null && open.TryPeek(out var list) && list.IsList)
                {
                    key = Join(list.Prefix, (list.Next++).ToString(CultureInfo.InvariantCulture));
                    lines.TryAdd(key, line);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Push(new Container(key ?? string.Empty, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // The provider itself reports a file it cannot parse; the keys read so far keep their lines.
        }

        return lines;
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + ConfigurationPath.KeyDelimiter + key;

    private sealed class Container(string prefix, bool isList)
    {
        public string Prefix { get; } = prefix;

        public bool IsList { get; } = isList;

        public int Next { get; set; }
    }
}
