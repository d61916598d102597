using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.AuditLog;

/// <summary>
/// The audit trail in a SQLite file. Triggers refuse every UPDATE and DELETE, so the application can only append; the
/// hash chain (<see cref="AuditHash"/>) shows what someone with the file in hand changed or removed anyway. Each append
/// runs in an immediate transaction that reads the head first, so the cloud and the command line (<c>gz user</c>) can
/// append to the same file without breaking the chain.
/// </summary>
public sealed class SqliteAuditLog
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS audit_log (
            seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL, actor_kind TEXT NOT NULL, action TEXT NOT NULL,
            target TEXT NOT NULL, outcome TEXT NOT NULL, source TEXT NOT NULL, details TEXT, prev TEXT NOT NULL, hash TEXT NOT NULL
        );
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (time);
        """;

    private const string Columns = "seq, time, actor, actor_kind, action, target, outcome, source, details, prev, hash";
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteAuditLog(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _time = time;
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Appends a record at the head of the chain and returns the stored entry.</summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        var (seq, prev) = (0L, AuditHash.Genesis);
        await using (var head = connection.CreateCommand())
        {
            head.CommandText = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
            await using var reader = await head.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                (seq, prev) = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        // Whole milliseconds: the stored text and the hashed text must be the same instant.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        var entry = new AuditEntry(seq + 1, now, record, prev, AuditHash.Of(prev, seq + 1, now, record));
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO audit_log ({Columns}) VALUES ($seq, $time, $actor, $kind, $action, $target, $outcome, $source, $details, $prev, $hash)";
            insert.Parameters.AddWithValue("$seq", entry.Seq);
            insert.Parameters.AddWithValue("$time", Text(entry.Time));
            insert.Parameters.AddWithValue("$actor", record.Actor);
            insert.Parameters.AddWithValue("$kind", record.ActorKind);
            insert.Parameters.AddWithValue("$action", record.Action);
            insert.Parameters.AddWithValue("$target", record.Target);
            insert.Parameters.AddWithValue("$outcome", record.Outcome);
            insert.Parameters.AddWithValue("$source", record.From);
            insert.Parameters.AddWithValue("$details", (object?)record.Details ?? DBNull.Value);
            insert.Parameters.AddWithValue("$prev", entry.Prev);
            insert.Parameters.AddWithValue("$hash", entry.Hash);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>The entries matching the query, newest first, and how many match in all.</summary>
    public async Task<(long Total, IReadOnlyList<AuditEntry> Items)> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = Open();
        const string Where = """
            WHERE ($actor IS NULL OR actor = $actor) AND ($action IS NULL OR action = $action) AND ($target IS NULL OR target = $target)
              AND ($from IS NULL OR time >= $from) AND ($to IS NULL OR time < $to)
            """;
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM audit_log {Where}";
        Bind(count, query);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await using var list = connection.CreateCommand();
        list.CommandText = $"SELECT {Columns} FROM audit_log {Where} ORDER BY seq DESC LIMIT $limit OFFSET $offset";
        Bind(list, query);
        list.Parameters.AddWithValue("$limit", query.Limit);
        list.Parameters.AddWithValue("$offset", query.Offset);
        var items = new List<AuditEntry>();
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return (total, items);
    }

    /// <summary>Reads the whole chain in order and checks every number and every hash.</summary>
    public async Task<AuditChainCheck> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (count, expectedSeq, prev) = (0L, 1L, AuditHash.Genesis);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = Read(reader);
            count++;
            var problem = entry.Seq != expectedSeq ? $"entry {entry.Seq} follows {expectedSeq - 1}: entries {expectedSeq}..{entry.Seq - 1} are missing"
                : entry.Prev != prev ? $"entry {entry.Seq} names {entry.Prev} as the hash before it, but entry {entry.Seq - 1} hashes to {prev}"
                : AuditHash.Of(entry.Prev, entry.Seq, entry.Time, entry.Record) != entry.Hash ? $"entry {entry.Seq} does not hash to its stored hash: it was altered"
                : null;
            if (problem is not null)
            {
                return new AuditChainCheck(count, false, entry.Seq, problem, entry.Seq, entry.Hash);
            }

            (expectedSeq, prev) = (entry.Seq + 1, entry.Hash);
        }

        return new AuditChainCheck(count, true, null, null, expectedSeq - 1, prev);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Bind(SqliteCommand command, AuditQuery q)
    {
        command.Parameters.AddWithValue("$actor", (object?)q.Actor ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", (object?)q.Action ?? DBNull.Value);
        command.Parameters.AddWithValue("$target", (object?)q.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", q.From is { } from ? Text(from) : DBNull.Value);
        command.Parameters.AddWithValue("$to", q.To is { } to ? Text(to) : DBNull.Value);
    }

    private static AuditEntry Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        new AuditRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)),
        r.GetString(9),
        r.GetString(10));

    // Fixed width (7 fractional digits, Z) so that text order is time order in the index.
    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
