using Microsoft.Data.Sqlite;

namespace GzAiEdge.Audits.Storage;

/// <summary>
/// One SQLite file in a store folder, its schema applied on open, with the few calls the stores make: a pooled
/// connection, a statement, a query. The audit store and the field-audit store are both built on it.
/// </summary>
public abstract class SqliteFileDatabase
{
    private readonly string _connectionString;

    /// <summary>Creates <paramref name="root"/> if needed and applies <paramref name="schema"/> to <paramref name="fileName"/> in it.</summary>
    protected SqliteFileDatabase(string root, string fileName, string schema)
    {
        var folder = Path.GetFullPath(root);
        Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, fileName) }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = schema;
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
}
