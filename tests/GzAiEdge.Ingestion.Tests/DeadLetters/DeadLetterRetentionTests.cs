using System.Security.Cryptography;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.Ingestion.Tests.DeadLetters;

/// <summary>The dead-letter store stays bounded: old letters and the oldest over the size bound go, counted; long payloads are cut, with their length and hash.</summary>
public sealed class DeadLetterRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new("gz-deadletter-retention");
    private readonly FakeTimeProvider _time = new(Start);

    private string DatabasePath => _folder.File("dead-letters.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Letters_older_than_the_age_bound_are_removed_and_counted_and_younger_ones_stay()
    {
        using var store = Open(new DeadLetterOptions { MaxAgeDays = 10 });
        await store.AddAsync(Letter(Start, "old", 100), CancellationToken.None);
        await store.AddAsync(Letter(Start.AddDays(5), "younger", 100), CancellationToken.None);

        _time.SetUtcNow(Start.AddDays(12));

        Assert.Equal(["younger"], (await store.ListAsync(0, 10, CancellationToken.None)).Select(l => l.Reason));
        var stats = await store.StatsAsync(CancellationToken.None);
        Assert.Equal((1L, 1L, 0L), (stats.Count, stats.PrunedByAge, stats.PrunedBySize));
        Assert.Equal(Size(100, "old"), stats.PrunedBytes);
        Assert.Equal(Size(100, "younger"), stats.Bytes);
    }

    [Fact]
    public async Task Over_the_size_bound_the_oldest_letters_go_first_and_the_rest_fit()
    {
        var options = new DeadLetterOptions { MaxTotalBytes = 16L * (256 + DeadLetterOptionsValidator.Overhead), MaxPayloadBytes = 256 };
        using var store = Open(options);
        var letters = Enumerable.Range(0, 1000).Select(i => Letter(Start, $"r{i}", 256)).ToList();
        foreach (var letter in letters)
        {
            await store.AddAsync(letter, CancellationToken.None);
        }

        var stats = await store.StatsAsync(CancellationToken.None);
        var kept = await store.ListAsync(0, 1000, CancellationToken.None);

        Assert.True(stats.Bytes <= options.MaxTotalBytes, $"{stats.Bytes} bytes held, bound {options.MaxTotalBytes}");
        Assert.Equal(1000, stats.Count + stats.PrunedBySize);
        Assert.Equal(kept.Count, stats.Count);
        Assert.Equal(letters.Skip((int)stats.PrunedBySize).Select(l => l.Reason), kept.Select(l => l.Reason));
        Assert.Equal("r999", kept[^1].Reason);
        Assert.True(stats.Bytes + Size(256, "r0") > options.MaxTotalBytes, "pruned more than the bound needed");
    }

    [Fact]
    public async Task A_payload_over_the_limit_is_kept_cut_with_its_whole_length_and_hash()
    {
        using var store = Open(new DeadLetterOptions { MaxPayloadBytes = 1024 });
        var payload = RandomNumberGenerator.GetBytes(1_000_000);

        await store.AddAsync(new DeadLetter(0, Start, "gz/v1/s/d/kpi", "quota", payload), CancellationToken.None);

        var letter = Assert.Single(await store.ListAsync(0, 1, CancellationToken.None));
        Assert.Equal(payload[..1024], letter.Payload);
        Assert.Equal((1_000_000L, true), (letter.PayloadLength, letter.Truncated));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payload)), letter.PayloadSha256);
        Assert.Equal(Size(1024, "quota", "gz/v1/s/d/kpi"), (await store.StatsAsync(CancellationToken.None)).Bytes);
    }

    [Fact]
    public async Task Counts_of_what_was_pruned_survive_a_restart_and_keep_adding_up()
    {
        var options = new DeadLetterOptions { MaxAgeDays = 1 };
        using (var store = Open(options))
        {
            await store.AddAsync(Letter(Start, "a", 10), CancellationToken.None);
            _time.SetUtcNow(Start.AddDays(2));
            await store.AddAsync(Letter(Start.AddDays(2), "b", 10), CancellationToken.None);
        }

        _time.SetUtcNow(Start.AddDays(4));
        using var reopened = Open(options);

        var stats = await reopened.StatsAsync(CancellationToken.None);
        Assert.Equal((0L, 2L, 0L), (stats.Count, stats.PrunedByAge, stats.Bytes));
    }

    [Fact]
    public async Task A_file_from_before_retention_keeps_its_letters_and_gets_their_length_hash_and_size()
    {
        using (var old = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at TEXT NOT NULL, topic TEXT NOT NULL, reason TEXT NOT NULL, payload BLOB NOT NULL);
                INSERT INTO dead_letters (received_at, topic, reason, payload) VALUES ('2026-11-01T00:00:00.0000000Z', 't', 'r', x'7b7d');
                """;
            create.ExecuteNonQuery();
        }

        using var store = Open(new DeadLetterOptions());

        var letter = Assert.Single(await store.ListAsync(0, 10, CancellationToken.None));
        Assert.Equal(("r", 2L, Convert.ToHexStringLower(SHA256.HashData("{}"u8))), (letter.Reason, letter.PayloadLength, letter.PayloadSha256));
        Assert.Equal(Size(2, "r", "t"), (await store.StatsAsync(CancellationToken.None)).Bytes);
        await store.AddAsync(Letter(Start, "next", 1), CancellationToken.None);
        Assert.Equal([1L, 2L], (await store.ListAsync(0, 10, CancellationToken.None)).Select(l => l.Id));
    }

    [Theory]
    [InlineData(0, 1L << 30, 65536, "DeadLetters:MaxAgeDays = 0 is outside 1..3650")]
    [InlineData(90, 1L << 30, 100, "DeadLetters:MaxPayloadBytes = 100 is outside 256..16777216")]
    [InlineData(90, 1000, 65536, "DeadLetters:MaxTotalBytes = 1000 holds fewer than 16 letters")]
    public void Bounds_that_cannot_hold_a_letter_fail_the_start_naming_the_key(int days, long total, int payload, string error)
    {
        var result = new DeadLetterOptionsValidator().Validate(null, new DeadLetterOptions { MaxAgeDays = days, MaxTotalBytes = total, MaxPayloadBytes = payload });

        Assert.StartsWith(error, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private SqliteDeadLetterStore Open(DeadLetterOptions options) => new(DatabasePath, options, _time);

    private static DeadLetter Letter(DateTimeOffset at, string reason, int bytes) => new(0, at, "t", reason, new byte[bytes]);

    private static long Size(int payload, string reason, string topic = "t") => payload + reason.Length + topic.Length;
}
