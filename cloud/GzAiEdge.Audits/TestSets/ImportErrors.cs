namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// The problems found in a test set being imported, each naming where (file, line or entry), the item and the reason;
/// an import with any is refused whole. Collection stops at <see cref="Max"/>, enough to fix a systematic mistake.
/// </summary>
internal sealed class ImportErrors(string folder)
{
    public const int Max = 25;

    private readonly List<string> _lines = [];

    public bool Any => _lines.Count > 0;

    public bool Full => _lines.Count >= Max;

    /// <summary>A problem of <paramref name="item"/> (null when it is the file's), found at <paramref name="where"/>.</summary>
    public void Add(string where, string? item, string reason)
    {
        if (!Full)
        {
            _lines.Add(item is null ? $"{where}: {reason}" : $"{where}: item '{item}': {reason}");
        }
    }

    /// <exception cref="TestSetImportException">Any problem was found.</exception>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new TestSetImportException(folder, _lines);
        }
    }
}

/// <summary>A test set that cannot be imported; <see cref="Problems"/> name each item and reason.</summary>
public sealed class TestSetImportException(string folder, IReadOnlyList<string> problems)
    : Exception($"{folder}: the test set cannot be imported:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", problems)}"
        + (problems.Count >= ImportErrors.Max ? $"{Environment.NewLine}  (stopped after {ImportErrors.Max} problems)" : string.Empty))
{
    /// <summary>One line per problem: where, the item, the reason.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
