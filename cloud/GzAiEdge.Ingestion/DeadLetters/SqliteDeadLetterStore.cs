using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>
/// Dead letters in a SQLite file (WAL journal, created with its tables on open). One connection
/// serves all callers, one at a time: dead letters are rare, and SQLite has a single writer anyway.
/// Ids come from AUTOINCREMENT, so they grow with arrival and are never reused after a delete.
/// Bounded (<see cref="DeadLetterOptions"/>): a payload over the limit is kept cut, with its length and hash;
/// letters past the age or size bound are removed on open, on every add and before every read, and counted.
/// </summary>
public sealed class SqliteDeadLetterStore : IDeadLetterStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DeadLetterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _bytes;

    public SqliteDeadLetterStore(string path, DeadLetterOptions? options = null, TimeProvider? time = null, ILogger<SqliteDeadLetterStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        (_options, _time, _logger) = (options ?? new DeadLetterOptions(), time ?? TimeProvider.System, logger ?? NullLogger<SqliteDeadLetterStore>.Instance);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Unpooled, so that Dispose really closes the file (a reopen in the same process sees a fresh handle).
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        DeadLetterSchema.Create(_connection);
        _bytes = Scalar("SELECT COALESCE(SUM(size), 0) FROM dead_letters");
        Prune();
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
                INSERT INTO dead_letters (received_at, topic, reason, payload, payload_length, payload_sha256, size)
                VALUES ($receivedAt, $topic, $reason, $payload, $length, $sha256, $size)
                """;
            var receivedAt = command.Parameters.Add("$receivedAt", SqliteType.Text);
            var topic = command.Parameters.Add("$topic", SqliteType.Text);
            var reason = command.Parameters.Add("$reason", SqliteType.Text);
            var payload = command.Parameters.Add("$payload", SqliteType.Blob);
            var length = command.Parameters.Add("$length", SqliteType.Integer);
            var sha256 = command.Parameters.Add("$sha256", SqliteType.Text);
            var size = command.Parameters.Add("$size", SqliteType.Integer);
            long added = 0;
            foreach (var letter in deadLetters)
            {
                var (stored, originalLength, hash) = Bounded(letter);
                var bytes = DeadLetterSchema.Size(stored.Length, letter.Topic, letter.Reason);
                receivedAt.Value = letter.ReceivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                topic.Value = letter.Topic;
                reason.Value = letter.Reason;
                payload.Value = stored;
                length.Value = originalLength;
                sha256.Value = hash;
                size.Value = bytes;
                await command.ExecuteNonQueryAsync(cancellationToken);
                added += bytes;
            }

            await transaction.CommitAsync(cancellationToken);
            _bytes += added;
            Prune();
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
            Prune();
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, received_at, topic, reason, payload, payload_length, payload_sha256 FROM dead_letters WHERE id = $id";
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
            Prune();
            await using var count = _connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM dead_letters {where}";
            Bind(count, prefixes);
            var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id, received_at, topic, reason, payload, payload_length, payload_sha256 FROM dead_letters {where} ORDER BY id LIMIT $limit OFFSET $offset";
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
        (byte[])reader.GetValue(4))
    {
        PayloadLength = reader.GetInt64(5),
        PayloadSha256 = reader.GetString(6),
    };

    public async Task<long> CountAsync(CancellationToken cancellationToken) => (await StatsAsync(cancellationToken)).Count;

    public async Task<DeadLetterStats> StatsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Prune();
            var pruned = DeadLetterRetention.Pruned(_connection);
            var aged = pruned.GetValueOrDefault(DeadLetterRetention.ByAge);
            var sized = pruned.GetValueOrDefault(DeadLetterRetention.BySize);
            return new DeadLetterStats(Scalar("SELECT COUNT(*) FROM dead_letters"), _bytes, aged.Letters, sized.Letters, aged.Bytes + sized.Bytes);
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

    // The payload as stored: whole, or cut to the limit; the length and hash are always of the payload as received
    // (a letter read back from a store carries them already).
    private (byte[] Payload, long Length, string Sha256) Bounded(DeadLetter letter)
    {
        var payload = letter.Payload;
        var stored = payload.Length > _options.MaxPayloadBytes ? payload[.._options.MaxPayloadBytes] : payload;
        return letter.PayloadSha256 is { } known
            ? (stored, letter.PayloadLength, known)
            : (stored, payload.LongLength, Convert.ToHexStringLower(SHA256.HashData(payload)));
    }

    private void Prune()
    {
        var (remaining, aged, sized) = DeadLetterRetention.Prune(_connection, _options, _time.GetUtcNow(), _bytes);
        _bytes = remaining;
        if (aged.Letters + sized.Letters > 0)
        {
            IngestionLog.DeadLettersPruned(_logger, aged.Letters, _options.MaxAgeDays, sized.Letters, _options.MaxTotalBytes, aged.Bytes + sized.Bytes);
        }
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
