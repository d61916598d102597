using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>
/// Alerts in a SQLite file. A partial unique index allows one active alert per rule, scenario and
/// device, so deduplication holds even if two evaluators raced; a resolved alert stays as history.
/// One connection serves all callers in turn (alerts are rare; SQLite has one writer anyway).
/// </summary>
public sealed class SqliteAlertStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS alerts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            rule TEXT NOT NULL, kind TEXT NOT NULL, scenario TEXT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL,
            kpi TEXT, value REAL, threshold REAL, message TEXT NOT NULL,
            raised_at TEXT NOT NULL, resolved_at TEXT, acknowledged_at TEXT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS alerts_active ON alerts (rule, scenario, site, device) WHERE resolved_at IS NULL;
        CREATE TABLE IF NOT EXISTS alerts_pruned (cause TEXT PRIMARY KEY, count INTEGER NOT NULL);
        """;

    private const string Columns = "id, rule, kind, scenario, site, device, kpi, value, threshold, message, raised_at, resolved_at, acknowledged_at";
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteAlertStore(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>Stores a new active alert, or returns null when the same one is already active.</summary>
    public Task<AlertView?> RaiseAsync(AlertDraft d, DateTimeOffset now, CancellationToken cancellationToken) =>
        SingleAsync($"""
            INSERT OR IGNORE INTO alerts (rule, kind, scenario, site, device, kpi, value, threshold, message, raised_at)
            VALUES ($rule, $kind, $scenario, $site, $device, $kpi, $value, $threshold, $message, $now) RETURNING {Columns}
            """,
            p =>
            {
                p.AddWithValue("$rule", d.Rule);
                p.AddWithValue("$kind", d.Kind);
                p.AddWithValue("$scenario", d.Scenario);
                p.AddWithValue("$site", d.Site);
                p.AddWithValue("$device", d.Device);
                p.AddWithValue("$kpi", (object?)d.Kpi ?? DBNull.Value);
                p.AddWithValue("$value", (object?)d.Value ?? DBNull.Value);
                p.AddWithValue("$threshold", (object?)d.Threshold ?? DBNull.Value);
                p.AddWithValue("$message", d.Message);
                p.AddWithValue("$now", Text(now));
            }, cancellationToken);

    /// <summary>Resolves the active alert of a rule and device; null when none was active.</summary>
    public Task<AlertView?> ResolveAsync(string rule, string scenario, string site, string device, DateTimeOffset now, CancellationToken cancellationToken) =>
        SingleAsync($"""
            UPDATE alerts SET resolved_at = $now
            WHERE rule = $rule AND scenario = $scenario AND site = $site AND device = $device AND resolved_at IS NULL RETURNING {Columns}
            """,
            p =>
            {
                p.AddWithValue("$rule", rule);
                p.AddWithValue("$scenario", scenario);
                p.AddWithValue("$site", site);
                p.AddWithValue("$device", device);
                p.AddWithValue("$now", Text(now));
            }, cancellationToken);

    /// <summary>One alert by id, or null.</summary>
    public Task<AlertView?> FindAsync(long id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {Columns} FROM alerts WHERE id = $id", p => p.AddWithValue("$id", id), cancellationToken);

    /// <summary>Marks an alert acknowledged (the first acknowledgement's time is kept); null when no such alert.</summary>
    public Task<AlertView?> AcknowledgeAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        SingleAsync($"UPDATE alerts SET acknowledged_at = COALESCE(acknowledged_at, $now) WHERE id = $id RETURNING {Columns}",
            p =>
            {
                p.AddWithValue("$id", id);
                p.AddWithValue("$now", Text(now));
            }, cancellationToken);

    public async Task<(long Total, IReadOnlyList<AlertView> Items)> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        const string Where = """
            WHERE ($scenario IS NULL OR scenario = $scenario) AND ($site IS NULL OR site = $site)
              AND ($device IS NULL OR device = $device) AND ($active IS NULL OR (resolved_at IS NULL) = $active)
            """;
        void Bind(SqliteParameterCollection p)
        {
            p.AddWithValue("$scenario", (object?)query.Scenario ?? DBNull.Value);
            p.AddWithValue("$site", (object?)query.Site ?? DBNull.Value);
            p.AddWithValue("$device", (object?)query.Device ?? DBNull.Value);
            p.AddWithValue("$active", query.Active is { } a ? (a ? 1 : 0) : DBNull.Value);
            p.AddWithValue("$limit", query.Limit);
            p.AddWithValue("$offset", query.Offset);
        }

        var items = await ManyAsync($"SELECT {Columns} FROM alerts {Where} ORDER BY id DESC LIMIT $limit OFFSET $offset", Bind, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var count = _connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM alerts {Where}";
            Bind(count.Parameters);
            return ((long)(await count.ExecuteScalarAsync(cancellationToken))!, items);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Removes resolved alerts resolved before <paramref name="resolvedBefore"/>, then the oldest resolved ones beyond
    /// <paramref name="maxResolved"/>, and adds what it removed to the counts <see cref="PrunedAsync"/> reads, in one
    /// transaction. Active alerts are never removed.
    /// </summary>
    public async Task<AlertsPruned> PruneAsync(DateTimeOffset resolvedBefore, long maxResolved, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = _connection.BeginTransaction();
            async Task<long> RunAsync(string sql, Action<SqliteParameterCollection> bind)
            {
                await using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                bind(command.Parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }

            var aged = await RunAsync("DELETE FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < $before", p => p.AddWithValue("$before", Text(resolvedBefore)));
            var sized = await RunAsync(
                "DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE resolved_at IS NOT NULL ORDER BY id DESC LIMIT -1 OFFSET $max)",
                p => p.AddWithValue("$max", maxResolved));
            foreach (var (cause, count) in new[] { ("age", aged), ("size", sized) })
            {
                await RunAsync("INSERT INTO alerts_pruned VALUES ($cause, $count) ON CONFLICT (cause) DO UPDATE SET count = count + $count", p =>
                {
                    p.AddWithValue("$cause", cause);
                    p.AddWithValue("$count", count);
                });
            }

            await transaction.CommitAsync(cancellationToken);
            return new AlertsPruned(aged, sized);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every alert <see cref="PruneAsync"/> removed since the store was made, by cause.</summary>
    public async Task<AlertsPruned> PrunedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(SUM(CASE cause WHEN 'age' THEN count END), 0), COALESCE(SUM(CASE cause WHEN 'size' THEN count END), 0) FROM alerts_pruned";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new AlertsPruned(reader.GetInt64(0), reader.GetInt64(1));
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<AlertView>> ActiveAsync(CancellationToken cancellationToken) =>
        ManyAsync($"SELECT {Columns} FROM alerts WHERE resolved_at IS NULL ORDER BY id", _ => { }, cancellationToken);

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private async Task<AlertView?> SingleAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        (await ManyAsync(sql, bind, cancellationToken)) is [var only] ? only : null;

    private async Task<IReadOnlyList<AlertView>> ManyAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            bind(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var alerts = new List<AlertView>();
            while (await reader.ReadAsync(cancellationToken))
            {
                alerts.Add(new AlertView(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDouble(7),
                    reader.IsDBNull(8) ? null : reader.GetDouble(8), reader.GetString(9), Time(reader.GetString(10))!.Value,
                    Time(reader.IsDBNull(11) ? null : reader.GetString(11)), Time(reader.IsDBNull(12) ? null : reader.GetString(12))));
            }

            return alerts;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>Resolved alerts removed: resolved longer ago than the store keeps them, or the oldest beyond its bound.</summary>
public sealed record AlertsPruned(long ByAge, long BySize);

/// <summary>A page of alerts, optionally for one scenario, site or device, active or resolved only.</summary>
public sealed record AlertQuery(string? Scenario, string? Site, string? Device, bool? Active, int Offset, int Limit);
