using Microsoft.Data.Sqlite;

namespace GzAiEdge.Evaluation.Evidence;

/// <summary>
/// The verified spans of every device, one <see cref="EvidencePart"/> per device and UTC day (SQLite). Derived data:
/// deleting the file costs only the verification work again, never a different verdict.
/// </summary>
public sealed class EvidenceSpanStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS evidence_day (
            site TEXT NOT NULL, device TEXT NOT NULL, day INTEGER NOT NULL,
            reports INTEGER NOT NULL, seq_sum INTEGER NOT NULL, kid TEXT NOT NULL, irregular INTEGER NOT NULL,
            PRIMARY KEY (site, device, day)
        );
        CREATE TABLE IF NOT EXISTS evidence_span (
            site TEXT NOT NULL, device TEXT NOT NULL, day INTEGER NOT NULL,
            first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, first_prev TEXT, first_end_ns INTEGER NOT NULL,
            head TEXT NOT NULL, last_end_ns INTEGER NOT NULL,
            PRIMARY KEY (site, device, day, first_seq)
        );
        """;

    private readonly string _connectionString;

    public EvidenceSpanStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>The stored parts of the device for the days in [firstDay, lastDay] (Unix days), by day.</summary>
    public async Task<Dictionary<long, EvidencePart>> ReadAsync(string site, string device, long firstDay, long lastDay, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var days = new Dictionary<long, (long Reports, long SeqSum, string Kid, bool Irregular, List<EvidenceSpan> Spans)>();
        await using (var command = Command(connection, "SELECT day, reports, seq_sum, kid, irregular FROM evidence_day WHERE site = $site AND device = $device AND day BETWEEN $first AND $last", site, device, firstDay, lastDay))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                days[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt64(4) != 0, []);
            }
        }

        await using (var command = Command(connection, "SELECT day, first_seq, last_seq, first_prev, first_end_ns, head, last_end_ns FROM evidence_span WHERE site = $site AND device = $device AND day BETWEEN $first AND $last ORDER BY day, first_seq", site, device, firstDay, lastDay))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (days.TryGetValue(reader.GetInt64(0), out var day))
                {
                    day.Spans.Add(new EvidenceSpan(reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.GetInt64(4), reader.GetString(5), reader.GetInt64(6)));
                }
            }
        }

        return days.ToDictionary(d => d.Key, d => new EvidencePart(d.Value.Reports, d.Value.SeqSum, d.Value.Kid, d.Value.Irregular, d.Value.Spans));
    }

    /// <summary>Replaces what is stored for the device's day with <paramref name="part"/>, in one transaction.</summary>
    public async Task WriteAsync(string site, string device, long day, EvidencePart part, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "evidence_day", "evidence_span" })
        {
            await using var delete = Command(connection, $"DELETE FROM {table} WHERE site = $site AND device = $device AND day BETWEEN $first AND $last", site, device, day, day, transaction);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = Command(connection, "INSERT INTO evidence_day VALUES ($site, $device, $first, $reports, $sum, $kid, $irregular)", site, device, day, day, transaction))
        {
            insert.Parameters.AddWithValue("$reports", part.Reports);
            insert.Parameters.AddWithValue("$sum", part.SeqSum);
            insert.Parameters.AddWithValue("$kid", part.Kid);
            insert.Parameters.AddWithValue("$irregular", part.Irregular ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = Command(connection, "INSERT INTO evidence_span VALUES ($site, $device, $first, $a, $b, $prev, $start, $head, $end)", site, device, day, day, transaction))
        {
            var parameters = new[] { ("$a", SqliteType.Integer), ("$b", SqliteType.Integer), ("$prev", SqliteType.Text), ("$start", SqliteType.Integer), ("$head", SqliteType.Text), ("$end", SqliteType.Integer) }
                .Select(p => insert.Parameters.Add(p.Item1, p.Item2)).ToArray();
            foreach (var span in part.Spans)
            {
                parameters[0].Value = span.FirstSeq;
                parameters[1].Value = span.LastSeq;
                parameters[2].Value = (object?)span.FirstPrev ?? DBNull.Value;
                parameters[3].Value = span.FirstEndNs;
                parameters[4].Value = span.Head;
                parameters[5].Value = span.LastEndNs;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string site, string device, long first, long last, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$device", device);
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$last", last);
        return command;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
