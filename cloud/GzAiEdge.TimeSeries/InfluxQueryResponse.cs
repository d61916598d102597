using System.Text.Json;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// Reads the InfluxDB 1.x <c>/query</c> JSON: <c>{"results":[{"statement_id":0,"series":[{"name",
/// "tags","columns","values"}],"messages":[…],"error":"…"}]}</c> or, for a query that does not
/// parse, <c>{"error":"…"}</c>. Walks a <see cref="JsonDocument"/>, so no reflection is involved.
/// </summary>
internal static class InfluxQueryResponse
{
    /// <exception cref="InfluxQueryException">The response, or one of its statements, carries an error.</exception>
    public static InfluxQueryResult Parse(JsonElement root)
    {
        if (root.TryGetProperty("error", out var error))
        {
            throw new InfluxQueryException(error.GetString() ?? "(no error text)");
        }

        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new InfluxQueryException($"response has no \"results\" array: {Shorten(root.GetRawText())}");
        }

        var statements = new List<InfluxStatementResult>(results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            var id = result.TryGetProperty("statement_id", out var idElement) ? idElement.GetInt32() : statements.Count;
            if (result.TryGetProperty("error", out var statementError))
            {
                throw new InfluxQueryException($"statement {id}: {statementError.GetString()}");
            }

            statements.Add(new InfluxStatementResult(id, Array(result, "series", ParseSeries), Array(result, "messages", ParseMessage)));
        }

        return new InfluxQueryResult(statements);
    }

    private static InfluxSeries ParseSeries(JsonElement series)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("tags", out var tagObject))
        {
            foreach (var tag in tagObject.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? string.Empty;
            }
        }

        var name = series.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? string.Empty : string.Empty;
        var columns = Array(series, "columns", static column => column.GetString() ?? string.Empty);
        var values = Array(series, "values", static row => (IReadOnlyList<JsonElement>)[.. row.EnumerateArray()]);
        return new InfluxSeries(name, tags, columns, values);
    }

    private static string ParseMessage(JsonElement message) =>
        message.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : message.GetRawText();

    private static T[] Array<T>(JsonElement parent, string property, Func<JsonElement, T> parse) =>
        parent.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(parse)]
            : [];

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
