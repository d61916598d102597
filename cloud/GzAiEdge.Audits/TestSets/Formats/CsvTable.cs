namespace GzAiEdge.Audits.TestSets.Formats;

/// <summary>
/// A small CSV file as a test set's label tables are: a header row naming the columns, one row per line, fields separated
/// by commas, a field in double quotes when it holds a comma or quote (RFC 4180). Rows keep their line numbers for errors.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, Dictionary<string, int> columns, IReadOnlyList<(int Line, string[] Fields)> rows) =>
        (File, _columns, Rows) = (file, columns, rows);

    /// <summary>The file's name as errors show it.</summary>
    public string File { get; }

    /// <summary>Data rows with their 1-based line numbers.</summary>
    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    /// <summary>Reads <paramref name="path"/>, whose header must name every column of <paramref name="required"/>.</summary>
    /// <exception cref="InvalidDataException">A required column is missing, or a row has another number of fields (the message says where).</exception>
    public static CsvTable Read(string path, string name, params string[] required)
    {
        var lines = System.IO.File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{name}: empty; the first line must name the columns {string.Join(", ", required)}");
        }

        var header = Split(lines[0]);
        var columns = header.Select((c, i) => (c.Trim(), i)).ToDictionary(c => c.Item1, c => c.i, StringComparer.Ordinal);
        if (required.FirstOrDefault(r => !columns.ContainsKey(r)) is { } missing)
        {
            throw new InvalidDataException($"{name}:1: no column '{missing}'; the header must name {string.Join(", ", required)}");
        }

        var rows = new List<(int, string[])>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = Split(lines[i]);
            rows.Add(fields.Length == header.Length
                ? (i + 1, fields)
                : throw new InvalidDataException($"{name}:{i + 1}: {fields.Length} fields, the header has {header.Length}"));
        }

        return new CsvTable(name, columns, rows);
    }

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/>.</summary>
    public string Get(string[] row, string column) => row[_columns[column]].Trim();

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
