using System.Text.RegularExpressions;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed partial class EvictionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_outbox_evicts_oldest_first_counts_it_and_the_verifier_reports_exactly_that_range_missing()
    {
        await using var rig = await FaultRig.StartAsync("eviction", observe: false);

        // About six signed reports fit in 4 KiB: a broker outage of a few seconds overflows it.
        rig.StartEdge("outbox:\n  maxBytes: 4096\n  checkpointEvery: 1000");
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= 3, "reports before the outage");
        await rig.Broker.StopAsync();
        await rig.WaitForAsync(() => Task.FromResult(EvictionLines(rig.Edge!.Output) >= 3), "three evictions", 60);
        await rig.Broker.StartAgainAsync();
        var ranges = await EvictedRangesAsync(rig);
        long heartbeatEvicted = 0;
        await rig.WaitForAsync(async () =>
        {
            var heartbeats = await rig.QueryAsync("SELECT max(\"outbox_evicted\") FROM \"heartbeat\" WHERE \"device\" = 'cam-01'");
            heartbeatEvicted = heartbeats.Series.FirstOrDefault()?.Value(0, "max").GetInt64() ?? 0;
            return heartbeatEvicted >= ranges.Sum(r => r.Last - r.First + 1);
        }, "a heartbeat that counts the evictions");
        await rig.Edge!.StopAsync(TimeSpan.FromSeconds(20));
        var (n, depth, evicted) = rig.OutboxState();
        Assert.Equal(0, depth);
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= n - evicted, $"{n - evicted} reports stored");

        var evictedSeqs = ranges.SelectMany(r => Enumerable.Range((int)r.First, (int)(r.Last - r.First + 1)).Select(i => (long)i)).ToList();
        Assert.Equal(evicted, evictedSeqs.Count);
        var seqs = await rig.StoredSeqsAsync();
        Assert.True(Enumerable.Range(1, (int)n).Select(i => (long)i).Except(evictedSeqs).SequenceEqual(seqs.Order()),
            $"stored {string.Join(",", seqs.Order())}, evicted {string.Join(",", evictedSeqs)}\n{rig.Edge.Output}");
        var verification = await rig.VerifyAsync();
        Assert.Equal((evicted, n - evicted), (verification.Missing, verification.Verified));
        Assert.All(verification.Problems, p => Assert.Equal(ChainFinding.Missing, p.Finding));
        Assert.Equal(evictedSeqs, verification.Problems.SelectMany(p => Enumerable.Range((int)p.FirstSeq, (int)(p.LastSeq - p.FirstSeq + 1)).Select(i => (long)i)));
        Assert.Equal(evicted, heartbeatEvicted);

        var (sent, duplicates) = rig.SentByDevice();
        output.WriteLine(FaultRig.Counts($"outbox bound 4096 B, evicted {evicted} ({string.Join(", ", ranges.Select(r => $"{r.First}..{r.Last}"))})", sent, seqs.Count, duplicates, verification));
    }

    private static int EvictionLines(string log) => Regex.Count(log, "Outbox bound reached");

    // The device reports each eviction as an event; they are the ground truth the verifier must match.
    private static async Task<List<(long First, long Last)>> EvictedRangesAsync(FaultRig rig)
    {
        List<(long, long)> ranges = [];
        await rig.WaitForAsync(async () =>
        {
            var events = await rig.QueryAsync("SELECT \"message\" FROM \"device_event\" WHERE \"code\" = 'outbox.evicted'");
            ranges = [.. events.Series.SelectMany(s => s.Values).Select(row => SeqRange().Match(row[1].GetString()!))
                .Where(m => m.Success).Select(m => (long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];
            return ranges.Count >= 3;
        }, "the eviction events");
        return ranges;
    }

    [GeneratedRegex(@"evicted reports seq (\d+)\.\.(\d+)")]
    private static partial Regex SeqRange();
}
