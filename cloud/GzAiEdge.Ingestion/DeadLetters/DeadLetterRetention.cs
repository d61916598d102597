using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>
/// Removes letters older than <see cref="DeadLetterOptions.MaxAgeDays"/>, then the oldest until the rest fit
/// <see cref="DeadLetterOptions.MaxTotalBytes"/>, and counts what it removed in the same transaction, so the counts
/// never disagree with what is gone. Letters leave in arrival order (ids grow with it).
/// </summary>
internal static class DeadLetterRetention
{
    public const string ByAge = "age";
    public const string BySize = "size";

    /// <summary>Prunes; returns the bytes the store still counts and what was removed (letters, bytes) for each cause.</summary>
    public static (long Remaining, (long Letters, long Bytes) Aged, (long Letters, long Bytes) Sized) Prune(
        SqliteConnection connection, DeadLetterOptions options, DateTimeOffset now, long total)
    {
        using var tx = connection.BeginTransaction();
        var cutoff = (now - TimeSpan.FromDays(options.MaxAgeDays)).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var aged = Remove(connection, tx, "received_at < $cutoff", ("$cutoff", cutoff));
        total -= aged.Bytes;
        (long Letters, long Bytes) sized = (0, 0);
        if (total > options.MaxTotalBytes && LastToRemove(connection, tx, total - options.MaxTotalBytes) is { } last)
        {
            sized = Remove(connection, tx, "id <= $last", ("$last", last));
            total -= sized.Bytes;
        }

        Count(connection, tx, ByAge, aged);
        Count(connection, tx, BySize, sized);
        tx.Commit();
        return (total, aged, sized);
    }

    /// <summary>Letters and bytes removed so far, by cause.</summary>
    public static Dictionary<string, (long Letters, long Bytes)> Pruned(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT cause, letters, bytes FROM dead_letters_pruned";
        using var reader = command.ExecuteReader();
        var pruned = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            pruned[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return pruned;
    }

    // The id of the newest letter that must go for at least `excess` bytes to be freed, oldest first.
    private static long? LastToRemove(SqliteConnection connection, SqliteTransaction tx, long excess)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT id, size FROM dead_letters ORDER BY id";
        using var reader = command.ExecuteReader();
        long freed = 0;
        long? last = null;
        while (freed < excess && reader.Read())
        {
            (last, freed) = (reader.GetInt64(0), freed + reader.GetInt64(1));
        }

        return last;
    }

    private static (long Letters, long Bytes) Remove(SqliteConnection connection, SqliteTransaction tx, string where, (string Name, object Value) parameter)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        command.CommandText = $"SELECT COUNT(*), COALESCE(SUM(size), 0) FROM dead_letters WHERE {where}";
        (long Letters, long Bytes) removed;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            removed = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (removed.Letters > 0)
        {
            command.CommandText = $"DELETE FROM dead_letters WHERE {where}";
            command.ExecuteNonQuery();
        }

        return removed;
    }

    private static void Count(SqliteConnection connection, SqliteTransaction tx, string cause, (long Letters, long Bytes) removed)
    {
        if (removed.Letters == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO dead_letters_pruned (cause, letters, bytes) VALUES ($cause, $letters, $bytes)
            ON CONFLICT (cause) DO UPDATE SET letters = letters + excluded.letters, bytes = bytes + excluded.bytes
            """;
        command.Parameters.AddWithValue("$cause", cause);
        command.Parameters.AddWithValue("$letters", removed.Letters);
        command.Parameters.AddWithValue("$bytes", removed.Bytes);
        command.ExecuteNonQuery();
    }
}
