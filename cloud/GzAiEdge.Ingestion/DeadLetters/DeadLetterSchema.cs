using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>
/// The dead-letter file's tables, and the step that brings a file from before retention up to them: its letters
/// keep their payloads and get their length, hash and size, so that an upgrade loses none of them.
/// </summary>
internal static class DeadLetterSchema
{
    private const string Tables = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            received_at TEXT NOT NULL,
            topic TEXT NOT NULL,
            reason TEXT NOT NULL,
            payload BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS dead_letters_pruned (
            cause TEXT PRIMARY KEY,
            letters INTEGER NOT NULL,
            bytes INTEGER NOT NULL
        );
        """;

    // Added to files made before retention; a new file gets them the same way, so there is one definition.
    private const string RetentionColumns = """
        ALTER TABLE dead_letters ADD COLUMN payload_length INTEGER NOT NULL DEFAULT -1;
        ALTER TABLE dead_letters ADD COLUMN payload_sha256 TEXT NOT NULL DEFAULT '';
        ALTER TABLE dead_letters ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
        """;

    private const string Index = "CREATE INDEX IF NOT EXISTS dead_letters_received_at ON dead_letters (received_at);";

    /// <summary>Bytes a letter counts against the store's bound: its stored payload, topic and reason.</summary>
    public static long Size(int storedPayload, string topic, string reason) =>
        storedPayload + (long)Encoding.UTF8.GetByteCount(topic) + Encoding.UTF8.GetByteCount(reason);

    public static void Create(SqliteConnection connection)
    {
        Execute(connection, Tables);
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('dead_letters') WHERE name = 'size'";
        if ((long)columns.ExecuteScalar()! == 0)
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, RetentionColumns, tx);
            Backfill(connection, tx);
            tx.Commit();
        }

        Execute(connection, Index);
    }

    private static void Backfill(SqliteConnection connection, SqliteTransaction tx)
    {
        var rows = new List<(long Id, long Length, string Sha256, long Size)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT id, topic, reason, payload FROM dead_letters";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var payload = (byte[])reader.GetValue(3);
                rows.Add((reader.GetInt64(0), payload.LongLength, Convert.ToHexStringLower(SHA256.HashData(payload)), Size(payload.Length, reader.GetString(1), reader.GetString(2))));
            }
        }

        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE dead_letters SET payload_length = $length, payload_sha256 = $sha256, size = $size WHERE id = $id";
        var (id, length, sha256, size) = (update.Parameters.Add("$id", SqliteType.Integer), update.Parameters.Add("$length", SqliteType.Integer),
            update.Parameters.Add("$sha256", SqliteType.Text), update.Parameters.Add("$size", SqliteType.Integer));
        foreach (var row in rows)
        {
            (id.Value, length.Value, sha256.Value, size.Value) = (row.Id, row.Length, row.Sha256, row.Size);
            update.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
