using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Evaluation.Evidence;

namespace GzAiEdge.Evaluation.Tests.Evidence;

/// <summary>
/// The incremental verifier against the full one on random histories: a device's chain over several days with reports
/// lost, altered in transit or at rest, unsigned, signed by another key, linked to nothing, out of window order, and
/// copies from a second history of the device; each checked over random periods cut into UTC days (as the span store keeps
/// them) and partial days at the edges. The verified and checked counts must equal <see cref="ChainVerifier.Verify"/>'s.
/// </summary>
public sealed class EvidenceSpanTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 3, 17, 20, 0, TimeSpan.Zero);
    private readonly DeviceSigner _signer = DeviceSigner.Create();
    private readonly DeviceSigner _intruder = DeviceSigner.Create();
    private readonly SignatureCheck _key;

    public EvidenceSpanTests() => _key = SignatureCheck.FromPem(_signer.PublicKeyPem, "test");

    public void Dispose()
    {
        _signer.Dispose();
        _intruder.Dispose();
        _key.Dispose();
    }

    [Fact]
    public void Spans_give_the_full_verifiers_verdict_on_random_histories()
    {
        var decidedBySpans = 0;
        var decidedWithProblems = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            var history = History(random);
            for (var p = 0; p < 5; p++)
            {
                var from = Start.AddMinutes(random.Next(-60, 3 * 24 * 60));
                var to = from.AddMinutes(random.Next(1, 4 * 24 * 60));
                var inPeriod = history.Where(r => r.Report.WindowEnd >= from && r.Report.WindowEnd < to).ToList();
                var full = ChainVerifier.Verify("s1", "d1", from, to, null, inPeriod, [], _key);

                var spans = EvidencePart.Summarize([.. Days(from, to).Select(d => EvidencePart.Build(
                    [.. inPeriod.Where(r => r.Report.WindowEnd >= d.From && r.Report.WindowEnd < d.To)], _key))]);

                Assert.Equal(inPeriod.Count, spans?.Checked ?? inPeriod.Count);
                if (spans is not null)
                {
                    Assert.True(full.Verified == spans.Verified, $"seed {seed}, period {from:O} – {to:O}: full {full.Verified}, spans {spans.Verified}");
                    decidedBySpans++;
                    decidedWithProblems += full.Problems.Any(x => x.Finding != ChainFinding.Missing) ? 1 : 0;
                }
            }
        }

        // The spans decide most periods, and many of those hold tampering, broken links or reordering, not only clean runs.
        Assert.True(decidedBySpans >= 200, $"spans decided only {decidedBySpans} of 300 periods");
        Assert.True(decidedWithProblems >= 100, $"only {decidedWithProblems} span-decided periods had findings other than gaps");
    }

    [Fact]
    public void A_seq_held_by_two_genuine_reports_is_left_to_the_full_verifier()
    {
        var history = Chain(_signer, 20, 0, new Random(1), 0);
        history.Add(Chain(_signer, 10, 7, new Random(2), 0)[4]);

        Assert.Null(EvidencePart.Summarize([EvidencePart.Build(history, _key)]));
    }

    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Days(DateTimeOffset from, DateTimeOffset to)
    {
        var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        for (var cut = from; cut < to; day = day.AddDays(1))
        {
            var next = day.AddDays(1) < to ? day.AddDays(1) : to;
            yield return (cut, next);
            cut = next;
        }
    }

    // About 4 days of 10-minute windows, with each kind of fault a few times.
    private List<StoredReport> History(Random random)
    {
        var chain = Chain(_signer, 600, 0, random, 0.01);
        var history = new List<StoredReport>();
        foreach (var stored in chain)
        {
            var roll = random.NextDouble();
            var report = stored.Report;
            history.Add(roll switch
            {
                < 0.03 => null!,
                < 0.05 => new StoredReport(report with { Kpis = new Dictionary<string, double> { ["a"] = -1 } }, stored.ReceivedHash),
                < 0.06 => Restored(report with { Kpis = new Dictionary<string, double> { ["a"] = -2 } }),
                < 0.07 => Restored(report with { Kid = null, Sig = null }),
                < 0.08 => Restored(_intruder.Sign(report with { Kid = null, Sig = null })),
                _ => stored,
            });
        }

        history.RemoveAll(r => r is null);
        if (random.NextDouble() < 0.3)
        {
            var other = Chain(_signer, 600, 5, random, 0);
            history.Add(other[random.Next(other.Count)]);
        }

        return history;
    }

    // A signed chain, 10-minute windows; with probability 'faults' a report is linked to nothing or its window swapped with the next.
    private static List<StoredReport> Chain(DeviceSigner signer, int count, int offsetMinutes, Random random, double faults)
    {
        var slots = Enumerable.Range(0, count).ToArray();
        for (var i = 0; i + 1 < count; i++)
        {
            if (random.NextDouble() < faults)
            {
                (slots[i], slots[i + 1]) = (slots[i + 1], slots[i]);
            }
        }

        var reports = new List<StoredReport>();
        var prev = ChainHash.Genesis;
        for (var i = 0; i < count; i++)
        {
            var report = signer.Sign(new KpiReport
            {
                V = 1,
                Site = "s1",
                Device = "d1",
                Scenario = "x",
                Seq = i + 1,
                WindowStart = Start.AddMinutes(offsetMinutes + (10 * slots[i])),
                WindowEnd = Start.AddMinutes(offsetMinutes + (10 * (slots[i] + 1))),
                Kpis = new Dictionary<string, double> { ["a"] = i * 0.1 },
                Prev = random.NextDouble() < faults ? new string('0', 64) : prev,
            });
            prev = ChainHash.Of(report);
            reports.Add(new StoredReport(report, prev));
        }

        return reports;
    }

    private static StoredReport Restored(KpiReport report) => new(report, ChainHash.Of(report));
}
