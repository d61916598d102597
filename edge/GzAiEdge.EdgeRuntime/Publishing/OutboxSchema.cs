using Microsoft.Data.Sqlite;

namespace GzAiEdge.EdgeRuntime.Publishing;

/// <summary>The outbox's SQLite tables, and the pragmas that make a commit survive kill -9 and power loss.</summary>
internal static class OutboxSchema
{
    // WAL: a commit appends to the log, readers never block the writer. synchronous=FULL fsyncs the
    // WAL at every commit, so a report the outbox returned is on disk before it is published.
    public const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = OFF;
        """;

    // chain holds exactly one row: the head of this device's hash chain and the counters that must
    // survive restarts (seq is gap-free because it is taken in the same transaction that stores the report).
    public const string Create = """
        CREATE TABLE IF NOT EXISTS messages (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            topic      TEXT    NOT NULL,
            payload    BLOB    NOT NULL,
            seq        INTEGER,
            created_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS chain (
            id               INTEGER PRIMARY KEY CHECK (id = 1),
            last_seq         INTEGER NOT NULL,
            last_hash        TEXT    NOT NULL,
            checkpointed_seq INTEGER NOT NULL,
            evicted_reports  INTEGER NOT NULL);
        """;

    public static SqliteCommand Command(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
