using GzAiEdge.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.AuditLog.Tests;

/// <summary>The audit trail refuses changes through SQL, and its hash chain shows what was changed or deleted behind its back.</summary>
public sealed class SqliteAuditLogTests : IDisposable
{
    private readonly TempFolder _folder = new("gz-audit");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private string Path => _folder.File("audit-log.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Entries_are_numbered_chained_listed_newest_first_and_filtered()
    {
        var log = await FilledAsync(5);
        var (total, items) = await log.ListAsync(new AuditQuery(null, null, null, null, null, 0, 10), CancellationToken.None);
        Assert.Equal(5, total);
        Assert.Equal([5L, 4, 3, 2, 1], items.Select(e => e.Seq));
        Assert.Equal(AuditHash.Genesis, items[^1].Prev);
        Assert.All(items.Zip(items.Skip(1)), pair => Assert.Equal(pair.Second.Hash, pair.First.Prev));
        var (odd, _) = await log.ListAsync(new AuditQuery("alice", "user.add", null, null, null, 0, 10), CancellationToken.None);
        Assert.Equal(3, odd);
        var (late, lateItems) = await log.ListAsync(new AuditQuery(null, null, null, _time.GetUtcNow().AddMinutes(-2), null, 0, 10), CancellationToken.None);
        Assert.Equal(2, late);
        Assert.All(lateItems, e => Assert.True(e.Seq >= 4));
        Assert.True((await log.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Updates_and_deletes_through_SQL_are_refused()
    {
        await FilledAsync(2);
        using var connection = Open();
        var update = Assert.Throws<SqliteException>(() => Execute(connection, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Throws<SqliteException>(() => Execute(connection, "DELETE FROM audit_log WHERE seq = 1"));
    }

    [Fact]
    public async Task A_record_altered_or_deleted_behind_the_triggers_breaks_the_chain_at_that_entry()
    {
        var log = await FilledAsync(4);
        using (var connection = Open())
        {
            Execute(connection, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET target = 'someone-else' WHERE seq = 2");
        }

        var altered = await log.VerifyAsync(CancellationToken.None);
        Assert.False(altered.Intact);
        Assert.Equal(2, altered.FirstBroken);
        Assert.Contains("altered", altered.Problem, StringComparison.Ordinal);

        var other = await new SqliteAuditLog(_folder.File("other.db"), _time).VerifyAsync(CancellationToken.None);
        Assert.True(other.Intact);
        var second = new SqliteAuditLog(_folder.File("deleted.db"), _time);
        for (var i = 0; i < 4; i++)
        {
            await second.AppendAsync(Record(i), CancellationToken.None);
        }

        using (var connection = new SqliteConnection($"Data Source={_folder.File("deleted.db")};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 3");
        }

        var deleted = await second.VerifyAsync(CancellationToken.None);
        Assert.False(deleted.Intact);
        Assert.Equal(4, deleted.FirstBroken);
        Assert.Contains("entries 3..3 are missing", deleted.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_writers_on_one_file_keep_one_unbroken_chain()
    {
        var first = new SqliteAuditLog(Path, _time);
        var second = new SqliteAuditLog(Path, _time);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).AppendAsync(Record(i), CancellationToken.None)));
        var check = await first.VerifyAsync(CancellationToken.None);
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(40, check.Entries);
    }

    private async Task<SqliteAuditLog> FilledAsync(int count)
    {
        var log = new SqliteAuditLog(Path, _time);
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Record(i), CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        return log;
    }

    private static AuditRecord Record(int i) => i % 2 == 0
        ? new AuditRecord("alice", "password", "user.add", $"user-{i}", AuditOutcomes.Done, "127.0.0.1", "roles viewer")
        : new AuditRecord("bob", "token", "command.send", $"site/dev-{i}", AuditOutcomes.Refused, "10.0.0.7");

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
