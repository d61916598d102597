using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.Evaluation.Publishing;

/// <summary>A leaderboard as an evaluator published it: who, when, over which period, and the document itself.</summary>
public sealed record PublishedLeaderboard(long Id, DateTimeOffset Published, string PublishedBy, DateTimeOffset? From, DateTimeOffset? To, int Top);

/// <summary>
/// Leaderboards evaluators published, kept as the bytes they saw, so that what providers read is exactly what was
/// published, not a recomputation that later data could change. Nothing is ever updated or deleted.
/// </summary>
public sealed class PublishedLeaderboards
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS published (
            id INTEGER PRIMARY KEY AUTOINCREMENT, published TEXT NOT NULL, published_by TEXT NOT NULL,
            period_from TEXT, period_to TEXT, top INTEGER NOT NULL, document BLOB NOT NULL
        );
        """;

    private readonly string _connectionString;

    public PublishedLeaderboards(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public async Task<PublishedLeaderboard> AddAsync(DateTimeOffset published, string by, DateTimeOffset? from, DateTimeOffset? to, int top, byte[] document, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO published (published, published_by, period_from, period_to, top, document) VALUES ($at, $by, $from, $to, $top, $doc) RETURNING id";
        command.Parameters.AddWithValue("$at", Text(published));
        command.Parameters.AddWithValue("$by", by);
        command.Parameters.AddWithValue("$from", from is { } f ? Text(f) : DBNull.Value);
        command.Parameters.AddWithValue("$to", to is { } t ? Text(t) : DBNull.Value);
        command.Parameters.AddWithValue("$top", top);
        command.Parameters.Add("$doc", SqliteType.Blob).Value = document;
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new PublishedLeaderboard(id, published, by, from, to, top);
    }

    /// <summary>Every published leaderboard, newest first (without the documents).</summary>
    public async Task<IReadOnlyList<PublishedLeaderboard>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, published, published_by, period_from, period_to, top FROM published ORDER BY id DESC";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<PublishedLeaderboard>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PublishedLeaderboard(reader.GetInt64(0), Parse(reader.GetString(1))!.Value, reader.GetString(2),
                reader.IsDBNull(3) ? null : Parse(reader.GetString(3)), reader.IsDBNull(4) ? null : Parse(reader.GetString(4)), reader.GetInt32(5)));
        }

        return list;
    }

    /// <summary>The document of one published leaderboard, or null.</summary>
    public async Task<byte[]?> DocumentAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM published WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
