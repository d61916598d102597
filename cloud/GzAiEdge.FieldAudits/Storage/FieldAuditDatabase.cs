using Microsoft.Data.Sqlite;
using static GzAiEdge.Audits.Storage.AuditDatabase;

namespace GzAiEdge.FieldAudits.Storage;

/// <summary>
/// The SQLite index of field audits (<c>field-audits.db</c> in <c>FieldAudits:Path</c>): sampling periods with their
/// committed seed hash (and the seed once revealed), the items sampled from closed windows with their outcome, and the
/// evaluators' labels (one per evaluator and item, with who and when). Blobs hold the inputs; this points at them.
/// </summary>
public sealed class FieldAuditDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS periods (
            id TEXT PRIMARY KEY, scenario TEXT NOT NULL, starts TEXT NOT NULL, ends TEXT NOT NULL, seed_sha256 TEXT NOT NULL,
            seed TEXT, secret TEXT NOT NULL, per_stratum INTEGER NOT NULL, committed TEXT NOT NULL, revealed TEXT, sampled_to TEXT);
        CREATE TABLE IF NOT EXISTS items (
            id TEXT PRIMARY KEY, period TEXT NOT NULL, scenario TEXT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL,
            pipeline TEXT NOT NULL, seq INTEGER NOT NULL, report_hash TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL,
            stratum TEXT NOT NULL, draw REAL NOT NULL, state TEXT NOT NULL, reason TEXT, command TEXT, nonce TEXT, deadline TEXT, input_sha256 TEXT,
            input_shape TEXT, outputs TEXT, input_time TEXT, sampled TEXT NOT NULL, answered TEXT,
            UNIQUE (period, site, device, seq, stratum, draw));
        CREATE INDEX IF NOT EXISTS items_by_scenario ON items (scenario, state, window_end);
        CREATE TABLE IF NOT EXISTS labels (
            item TEXT NOT NULL, evaluator TEXT NOT NULL, labelled TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (item, evaluator));
        """;

    private readonly string _connectionString;

    public FieldAuditDatabase(string root)
    {
        var folder = Path.GetFullPath(root);
        Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "field-audits.db") }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>A new open connection (pooled); the caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> with parameters; returns the rows changed.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Every row of <paramref name="sql"/>, each read by <paramref name="read"/>.</summary>
    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
