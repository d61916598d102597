using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.Ingestion.Tests.DeadLetters;

public sealed class SqliteDeadLetterStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new("gz-deadletters");
    private readonly FakeTimeProvider _time = new(Start.AddDays(1));

    private string DatabasePath => _folder.File("sub/dead-letters.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Added_letters_are_listed_in_order_with_all_their_fields()
    {
        using var store = Open();
        var first = Letter(0, "gz/v1/site-1/cam-1/kpi", "signature does not verify", [0x7b, 0x00, 0xff]);
        var second = Letter(1, "gz/v1/智慧交通/cam 2/kpi", "field \"speed\" is NaN", []);

        await store.AddAsync(first, CancellationToken.None);
        await store.AddAsync(second, CancellationToken.None);

        var listed = await store.ListAsync(0, 10, CancellationToken.None);
        Assert.Equal(2, listed.Count);
        AssertSame(first with { Id = 1 }, listed[0]);
        AssertSame(second with { Id = 2 }, listed[1]);
        Assert.Equal(2, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Listing_pages_by_offset_and_limit()
    {
        using var store = Open();
        var letters = Enumerable.Range(0, 7).Select(i => Letter(i, "t", $"reason {i}", [(byte)i])).ToList();
        foreach (var letter in letters)
        {
            await store.AddAsync(letter, CancellationToken.None);
        }

        Assert.Equal(["reason 0", "reason 1", "reason 2"], (await store.ListAsync(0, 3, CancellationToken.None)).Select(l => l.Reason));
        Assert.Equal(["reason 3", "reason 4", "reason 5"], (await store.ListAsync(3, 3, CancellationToken.None)).Select(l => l.Reason));
        Assert.Equal(["reason 6"], (await store.ListAsync(6, 3, CancellationToken.None)).Select(l => l.Reason));
        Assert.Empty(await store.ListAsync(7, 3, CancellationToken.None));
        Assert.Empty(await store.ListAsync(0, 0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(-1, 3, CancellationToken.None));
    }

    [Fact]
    public async Task Letters_survive_closing_and_reopening_the_file_and_ids_keep_growing()
    {
        var letter = Letter(0, "gz/v1/s/d/kpi", "schema: missing seq", "{\"v\":1}"u8.ToArray());
        using (var store = Open())
        {
            await store.AddAsync(letter, CancellationToken.None);
        }

        using var reopened = Open();

        Assert.Equal(1, await reopened.CountAsync(CancellationToken.None));
        AssertSame(letter with { Id = 1 }, Assert.Single(await reopened.ListAsync(0, 10, CancellationToken.None)));
        await reopened.AddAsync(letter, CancellationToken.None);
        Assert.Equal([1L, 2L], (await reopened.ListAsync(0, 10, CancellationToken.None)).Select(l => l.Id));
    }

    [Fact]
    public async Task Concurrent_adds_are_all_stored()
    {
        using var store = Open();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.AddAsync(Letter(i, "t", "r", [(byte)i]), CancellationToken.None))));

        Assert.Equal(200, await store.CountAsync(CancellationToken.None));
        var payloads = (await store.ListAsync(0, 1000, CancellationToken.None)).Select(l => l.Payload[0]).Order();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (byte)i), payloads);
    }

    [Fact]
    public async Task Received_times_in_other_offsets_come_back_as_the_same_instant_in_utc()
    {
        using var store = Open();
        var beijing = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddTicks(1);

        await store.AddAsync(Letter(0, "t", "r", []) with { ReceivedAt = beijing }, CancellationToken.None);

        var stored = Assert.Single(await store.ListAsync(0, 1, CancellationToken.None)).ReceivedAt;
        Assert.Equal(beijing, stored);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
    }

    private SqliteDeadLetterStore Open() => new(DatabasePath, time: _time);

    private static DeadLetter Letter(int i, string topic, string reason, byte[] payload) =>
        new(0, Start.AddSeconds(i).AddTicks(i), topic, reason, payload);

    private static void AssertSame(DeadLetter expected, DeadLetter actual)
    {
        // Field by field: record equality would compare the payload arrays by reference.
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.ReceivedAt, actual.ReceivedAt);
        Assert.Equal(expected.Topic, actual.Topic);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.Payload, actual.Payload);
        Assert.Equal(expected.Payload.LongLength, actual.PayloadLength);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(expected.Payload)), actual.PayloadSha256);
        Assert.False(actual.Truncated);
    }
}
