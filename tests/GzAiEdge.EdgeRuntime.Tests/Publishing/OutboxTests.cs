using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Publishing;

public sealed class OutboxTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new("gz-outbox");
    private readonly ManualTime _time = new(Start);
    private readonly DeviceSigner _signer = DeviceSigner.Create();
    private int _windows;

    public void Dispose()
    {
        _signer.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Seq_and_the_chain_continue_across_a_reopen_and_the_outbox_replays_in_order()
    {
        using (var first = Open())
        {
            Append(first, 3);
        }

        using var reopened = Open();
        Append(reopened, 2);

        var reports = Reports(reopened.Peek(100));
        Assert.Equal([1L, 2, 3, 4, 5], reports.Select(r => r.Seq));
        Assert.Equal(5, reopened.LastSeq);
        using var key = SignatureCheck.FromPem(_signer.PublicKeyPem, "test");
        var stored = reports.Select(r => new StoredReport(r, ChainHash.Of(r))).ToList();
        var verdict = ChainVerifier.Verify("s1", "d1", Start, Start.AddDays(1), null, stored, [], key);
        Assert.Equal((5L, 5L), (verdict.Expected, verdict.Verified));
    }

    [Fact]
    public void A_message_leaves_only_when_removed_after_its_acknowledgement()
    {
        using var outbox = Open();
        Append(outbox, 3);
        var batch = outbox.Peek(2);

        outbox.Remove(batch[0]);

        Assert.Equal([2L, 3], Reports(outbox.Peek(10)).Select(r => r.Seq));
        Assert.Equal(2, outbox.Depth);
        using var reopened = Reopen(outbox);
        Assert.Equal([2L, 3], Reports(reopened.Peek(10)).Select(r => r.Seq));
    }

    [Fact]
    public void A_signed_checkpoint_of_the_head_follows_every_n_reports_and_at_shutdown()
    {
        using var outbox = Open(new OutboxOptions { CheckpointEvery = 3 });
        Append(outbox, 4);

        Assert.True(outbox.AppendCheckpoint());
        Assert.False(outbox.AppendCheckpoint());

        var checkpoints = outbox.Peek(100).Where(m => m.Topic.EndsWith("/checkpoint", StringComparison.Ordinal))
            .Select(m => JsonSerializer.Deserialize(m.Payload, GzJsonContext.Default.Checkpoint)!).ToList();
        Assert.Equal([3L, 4], checkpoints.Select(c => c.Seq));
        var head = Reports(outbox.Peek(100)).Single(r => r.Seq == 4);
        Assert.Equal(ChainHash.Of(head), checkpoints[1].Head);
        using var key = SignatureCheck.FromPem(_signer.PublicKeyPem, "test");
        Assert.True(key.Verify(ChainHash.Of(checkpoints[1]), checkpoints[1].Sig!));
    }

    [Fact]
    public void The_size_bound_evicts_oldest_first_counts_it_and_queues_an_event()
    {
        using var outbox = Open(new OutboxOptions { MaxBytes = 4096, CheckpointEvery = 1000 });
        var evictions = Append(outbox, 40);

        var seqs = Reports(outbox.Peek(1000)).Select(r => r.Seq).ToList();
        Assert.Equal(Enumerable.Range((int)seqs[0], 40 - (int)seqs[0] + 1).Select(i => (long)i), seqs);
        Assert.Equal(seqs[0] - 1, outbox.Evicted);
        Assert.Equal(seqs[0] - 1, evictions.Sum(e => e.Reports));
        Assert.Equal(1, evictions.Min(e => e.FirstSeq));
        var events = outbox.Peek(1000).Where(m => m.Topic.EndsWith("/event", StringComparison.Ordinal))
            .Select(m => JsonSerializer.Deserialize(m.Payload, GzJsonContext.Default.DeviceEvent)!).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("outbox.evicted", e.Code));
        Assert.Contains($"{outbox.Evicted} evicted in total", events[^1].Message, StringComparison.Ordinal);
        using var reopened = Reopen(outbox);
        Assert.Equal(seqs[0] - 1, reopened.Evicted);
    }

    [Fact]
    public void The_age_bound_evicts_what_waited_too_long()
    {
        using var outbox = Open(new OutboxOptions { MaxAgeMinutes = 10 });
        Append(outbox, 3);
        _time.Advance(TimeSpan.FromMinutes(11));

        var (_, eviction) = outbox.Append(Window());

        Assert.Equal((1L, 3L, 3L), (eviction!.FirstSeq, eviction.LastSeq, eviction.Reports));
        Assert.Contains("older than 10 min", eviction.Why, StringComparison.Ordinal);
        Assert.Equal([4L], Reports(outbox.Peek(10)).Select(r => r.Seq));
    }

    [Fact]
    public void A_sequence_number_from_before_the_outbox_is_continued()
    {
        File.WriteAllText(_folder.File("d1.seq"), "41");
        using var outbox = Open();

        Assert.Equal(42, outbox.Append(Window()).Stored.Seq);
    }

    private Outbox Open(OutboxOptions? options = null) => new(_folder.Path, "s1", "d1", _signer, options ?? new OutboxOptions(), _time);

    private Outbox Reopen(Outbox outbox)
    {
        outbox.Dispose();
        return Open();
    }

    private List<Eviction> Append(Outbox outbox, int count)
    {
        var evictions = new List<Eviction>();
        for (var i = 0; i < count; i++)
        {
            if (outbox.Append(Window()).Eviction is { } e)
            {
                evictions.Add(e);
            }
        }

        return evictions;
    }

    private KpiReport Window() => new()
    {
        V = 1,
        Site = "s1",
        Device = "d1",
        Scenario = "x",
        Seq = 0,
        WindowStart = Start.AddSeconds(10 * _windows),
        WindowEnd = Start.AddSeconds(10 * ++_windows),
        Kpis = new Dictionary<string, double> { ["a"] = 0.5 },
    };

    private static List<KpiReport> Reports(IEnumerable<OutboxMessage> messages) =>
        [.. messages.Where(m => m.Seq is not null).Select(m => JsonSerializer.Deserialize(m.Payload, GzJsonContext.Default.KpiReport)!)];

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
