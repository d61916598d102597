using System.Text.Json;

namespace GzAiEdge.TimeSeries;

/// <summary>The answer to one <c>/query</c> request: one result per InfluxQL statement, in order.</summary>
public sealed record InfluxQueryResult(IReadOnlyList<InfluxStatementResult> Statements)
{
    /// <summary>All series of all statements.</summary>
    public IEnumerable<InfluxSeries> Series => Statements.SelectMany(statement => statement.Series);
}

/// <param name="Messages">Informational texts InfluxDB attached (deprecation warnings and the like).</param>
public sealed record InfluxStatementResult(int StatementId, IReadOnlyList<InfluxSeries> Series, IReadOnlyList<string> Messages);

/// <summary>
/// One series: rows share the name and tags. Times are integers in nanoseconds (<c>epoch=ns</c>);
/// a column that has no value in a row is JSON null.
/// </summary>
public sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<JsonElement>> Values)
{
    /// <exception cref="KeyNotFoundException">The series has no such column.</exception>
    public JsonElement Value(int row, string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return Values[row][i];
            }
        }

        throw new KeyNotFoundException($"series \"{Name}\" has no column \"{column}\"; it has {string.Join(", ", Columns)}");
    }
}
