using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>
/// Dead letters in a SQLite file (WAL journal, created with its table on open). One connection
/// serves all callers, one at a time: dead letters are rare, and SQLite has a single writer anyway.
/// Ids come from AUTOINCREMENT, so they grow with arrival and are never reused after a delete.
/// </summary>
public sealed class SqliteDeadLetterStore : IDeadLetterStore, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            received_at TEXT NOT NULL,
            topic TEXT NOT NULL,
            reason TEXT NOT NULL,
            payload BLOB NOT NULL
        );
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteDeadLetterStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Unpooled, so that Dispose really closes the file (a reopen in the same process sees a fresh handle).
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public async Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO dead_letters (received_at, topic, reason, payload)
                VALUES ($receivedAt, $topic, $reason, $payload)
                """;
            command.Parameters.AddWithValue("$receivedAt", deadLetter.ReceivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$topic", deadLetter.Topic);
            command.Parameters.AddWithValue("$reason", deadLetter.Reason);
            command.Parameters.Add("$payload", SqliteType.Blob).Value = deadLetter.Payload;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int offset, int limit, CancellationToken cancellationToken) =>
        (await QueryAsync(null, offset, limit, cancellationToken)).Items;

    public Task<(long Total, IReadOnlyList<DeadLetter> Items)> ListAsync(IReadOnlyCollection<string> topicPrefixes, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicPrefixes);
        return QueryAsync(topicPrefixes, offset, limit, cancellationToken);
    }

    public async Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, received_at, topic, reason, payload FROM dead_letters WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(long Total, IReadOnlyList<DeadLetter> Items)> QueryAsync(IReadOnlyCollection<string>? prefixes, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (prefixes is { Count: 0 })
        {
            return (0, []);
        }

        // One parameter per prefix; substr, not LIKE, so that '_' and '%' in a topic mean themselves.
        var where = prefixes is null ? string.Empty
            : "WHERE " + string.Join(" OR ", prefixes.Select((_, i) => $"substr(topic, 1, length($p{i})) = $p{i}"));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var count = _connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM dead_letters {where}";
            Bind(count, prefixes);
            var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id, received_at, topic, reason, payload FROM dead_letters {where} ORDER BY id LIMIT $limit OFFSET $offset";
            Bind(command, prefixes);
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", offset);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var letters = new List<DeadLetter>();
            while (await reader.ReadAsync(cancellationToken))
            {
                letters.Add(Read(reader));
            }

            return (total, letters);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Bind(SqliteCommand command, IReadOnlyCollection<string>? prefixes)
    {
        foreach (var (prefix, i) in (prefixes ?? []).Select((p, i) => (p, i)))
        {
            command.Parameters.AddWithValue($"$p{i}", prefix);
        }
    }

    private static DeadLetter Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        reader.GetString(2),
        reader.GetString(3),
        (byte[])reader.GetValue(4));

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM dead_letters";
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }
}
