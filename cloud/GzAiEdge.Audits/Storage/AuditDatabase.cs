using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.Audits.Storage;

/// <summary>
/// The SQLite index of the test-set store and the audit runs (<c>audits.db</c> in <c>Audits:Path</c>): test sets by name
/// and version, audits with their item map, each device's part and every answer received with its verdict. Blobs hold the
/// content; this holds what points at it. Times are UTC text that sorts as time does.
/// </summary>
public sealed class AuditDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS testsets (
            name TEXT NOT NULL, version TEXT NOT NULL, pipeline TEXT NOT NULL, items INTEGER NOT NULL,
            inputs_sha256 TEXT NOT NULL, inputs_size INTEGER NOT NULL, labels_sha256 TEXT NOT NULL,
            description TEXT, summary TEXT NOT NULL, imported TEXT NOT NULL, PRIMARY KEY (name, version));
        CREATE TABLE IF NOT EXISTS audits (
            id TEXT PRIMARY KEY, scenario TEXT NOT NULL, pipeline TEXT NOT NULL, testset TEXT NOT NULL, version TEXT NOT NULL,
            testset_sha256 TEXT NOT NULL, inputs_sha256 TEXT NOT NULL, inputs_size INTEGER NOT NULL, items TEXT NOT NULL,
            started TEXT NOT NULL, deadline TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS parts (
            audit TEXT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL, command TEXT NOT NULL, nonce TEXT NOT NULL,
            seed INTEGER NOT NULL, state TEXT NOT NULL, reason TEXT, answered TEXT, answer_sha256 TEXT, result TEXT,
            PRIMARY KEY (audit, site, device));
        CREATE INDEX IF NOT EXISTS parts_by_device ON parts (site, device, state, answered);
        CREATE TABLE IF NOT EXISTS answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT, audit TEXT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL,
            received TEXT NOT NULL, accepted INTEGER NOT NULL, reason TEXT NOT NULL, sha256 TEXT);
        """;

    private readonly string _connectionString;

    public AuditDatabase(string root)
    {
        var folder = Path.GetFullPath(root);
        Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "audits.db") }.ToString();
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

    /// <summary>A command on <paramref name="connection"/> with its parameters (null as SQL NULL).</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>A time as stored: UTC, 7 fraction digits, so that text order is time order.</summary>
    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stored time.</summary>
    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
