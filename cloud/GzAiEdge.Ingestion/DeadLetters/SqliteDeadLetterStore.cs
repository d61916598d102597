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

    public Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        return AddAllAsync([deadLetter], cancellationToken);
    }

    // One transaction for the lot: a flooding device's batch of thousands over quota is one commit, not thousands.
    public async Task AddAllAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        if (deadLetters.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO dead_letters (received_at, topic, reason, payload)
                VALUES ($receivedAt, $topic, $reason, $payload)
                """;
            var receivedAt = command.Parameters.Add("$receivedAt", SqliteType.Text);
            var topic = command.Parameters.Add("$topic", SqliteType.Text);
            var reason = command.Parameters.Add("$reason", SqliteType.Text);
            var payload = command.Parameters.Add("$payload", SqliteType.Blob);
            foreach (var letter in deadLetters)
            {
                receivedAt.Value = letter.ReceivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                topic.Value = letter.Topic;
                reason.Value = letter.Reason;
                payload.Value = letter.Payload;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT id, received_at, topic, reason, payload FROM dead_letters
                ORDER BY id LIMIT $limit OFFSET $offset
                """;
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", offset);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var letters = new List<DeadLetter>();
            while (await reader.ReadAsync(cancellationToken))
            {
                letters.Add(new DeadLetter(
                    reader.GetInt64(0),
                    DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                    reader.GetString(2),
                    reader.GetString(3),
                    (byte[])reader.GetValue(4)));
            }

            return letters;
        }
        finally
        {
            _gate.Release();
        }
    }

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
