using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;

namespace GzAiEdge.Contracts.Tests.Verification;

public sealed class ChainVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly DeviceSigner _signer = DeviceSigner.Create();
    private readonly SignatureCheck _key;

    public ChainVerifierTests() => _key = SignatureCheck.FromPem(_signer.PublicKeyPem, "test");

    public void Dispose()
    {
        _signer.Dispose();
        _key.Dispose();
    }

    [Fact]
    public void An_intact_chain_verifies_completely()
    {
        var result = Verify(Chain(_signer, 10));

        Assert.Equal((1, 10, 10, 10), (result.FirstSeq, result.LastSeq, result.Expected, result.Verified));
        Assert.Empty(result.Problems);
        Assert.Equal(1.0, result.VerifiedShare);
    }

    [Fact]
    public void A_report_altered_in_transit_or_at_rest_is_altered_with_the_reason()
    {
        var chain = Chain(_signer, 6);
        var inTransit = chain[2].Report with { Kpis = new Dictionary<string, double> { ["a"] = 999 } };
        chain[2] = new StoredReport(inTransit, Hash(inTransit));
        chain[4] = chain[4] with { Report = chain[4].Report with { Kpis = new Dictionary<string, double> { ["a"] = -1 } } };

        var result = Verify(chain);

        Assert.Equal(2, result.Altered);
        Assert.Equal(4, result.Verified);
        Assert.Collection(result.Problems,
            p => Assert.Equal((ChainFinding.Altered, 3L, 3L, true), (p.Finding, p.FirstSeq, p.LastSeq, p.Reason.Contains("after the device signed", StringComparison.Ordinal))),
            p => Assert.Equal((ChainFinding.Altered, 5L, 5L, true), (p.Finding, p.FirstSeq, p.LastSeq, p.Reason.Contains("changed at rest", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_report_signed_with_another_key_is_injected_and_an_unsigned_one_unsigned()
    {
        using var intruder = DeviceSigner.Create();
        var chain = Chain(_signer, 5);
        var forged = intruder.Sign(chain[1].Report with { Kpis = new Dictionary<string, double> { ["a"] = 0 } });
        chain[1] = new StoredReport(forged, Hash(forged));
        var bare = chain[3].Report with { Kid = null, Sig = null };
        chain[3] = new StoredReport(bare, Hash(bare));

        var result = Verify(chain);

        Assert.Equal((1, 1, 3), (result.Injected, result.Unsigned, result.Verified));
        Assert.Contains(result.Problems, p => p is { Finding: ChainFinding.Injected, FirstSeq: 2 } && p.Reason.Contains(intruder.Kid, StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Finding: ChainFinding.Unsigned, FirstSeq: 4 });
    }

    [Fact]
    public void A_report_from_another_history_of_the_device_is_replayed()
    {
        // The device's state was rolled back: it signed a second seq 3..4 with other windows.
        var chain = Chain(_signer, 6);
        var other = Chain(_signer, 4, offsetSeconds: 3600);
        chain.Add(other[2]);

        var result = Verify(chain);

        Assert.Equal(1, result.Replayed);
        Assert.Equal(6, result.Verified);
        var replay = Assert.Single(result.Problems);
        Assert.Equal((ChainFinding.Replayed, 3L), (replay.Finding, replay.FirstSeq));
    }

    [Fact]
    public void Gaps_and_a_truncated_tail_are_missing_ranges_the_tail_known_from_a_checkpoint()
    {
        var chain = Chain(_signer, 12);
        var head = chain[11];
        var checkpoint = _signer.Sign(new Checkpoint { V = 1, Site = "s1", Device = "d1", Time = head.Report.WindowEnd, Seq = 12, Head = head.ReceivedHash! });
        chain.RemoveRange(9, 3);
        chain.RemoveRange(3, 3);

        var result = Verify(chain, [checkpoint]);

        Assert.Equal((12L, 6L, 6L, 1L), (result.LastSeq, result.Missing, result.Verified, result.CheckpointsVerified));
        Assert.Equal([(4L, 6L), (10L, 12L)], result.Problems.Select(p => (p.FirstSeq, p.LastSeq)));
        Assert.All(result.Problems, p => Assert.Equal(ChainFinding.Missing, p.Finding));
    }

    [Fact]
    public void A_genuine_report_whose_window_goes_back_in_time_is_reordered_and_a_forged_checkpoint_fails()
    {
        var chain = Chain(_signer, 4, windowOrder: [0, 1, 3, 2]);
        using var intruder = DeviceSigner.Create();
        var forged = intruder.Sign(new Checkpoint { V = 1, Site = "s1", Device = "d1", Time = Start, Seq = 40, Head = ChainHash.Genesis });

        var result = Verify(chain, [forged]);

        Assert.Equal((1L, 3L, 1L, 4L), (result.Reordered, result.Verified, result.CheckpointsFailed, result.LastSeq));
        Assert.Equal(4, Assert.Single(result.Problems).FirstSeq);
    }

    [Fact]
    public void Seqs_before_the_period_set_the_first_expected_seq()
    {
        var chain = Chain(_signer, 10).Skip(5).ToList();

        Assert.Equal((6, 5, 0), Tuple(ChainVerifier.Verify("s1", "d1", Start, Start.AddDays(1), 5, chain, [], _key)));
        Assert.Equal((1, 5, 5), Tuple(ChainVerifier.Verify("s1", "d1", Start, Start.AddDays(1), null, chain, [], _key)));

        static (long, long, long) Tuple(ChainVerification v) => (v.FirstSeq, v.Verified, v.Missing);
    }

    internal static List<StoredReport> Chain(DeviceSigner signer, int count, int offsetSeconds = 0, int[]? windowOrder = null)
    {
        var reports = new List<StoredReport>();
        var prev = ChainHash.Genesis;
        for (var i = 0; i < count; i++)
        {
            var slot = windowOrder?[i] ?? i;
            var report = signer.Sign(new KpiReport
            {
                V = 1,
                Site = "s1",
                Device = "d1",
                Scenario = "x",
                Seq = i + 1,
                WindowStart = Start.AddSeconds(offsetSeconds + (10 * slot)),
                WindowEnd = Start.AddSeconds(offsetSeconds + (10 * (slot + 1))),
                Kpis = new Dictionary<string, double> { ["a"] = i * 0.1 },
                Prev = prev,
            });
            prev = Hash(report);
            reports.Add(new StoredReport(report, prev));
        }

        return reports;
    }

    private static string Hash(KpiReport report) => ChainHash.Of(report);

    private ChainVerification Verify(List<StoredReport> chain, IReadOnlyList<Checkpoint>? checkpoints = null) =>
        ChainVerifier.Verify("s1", "d1", Start, Start.AddDays(1), null, chain, checkpoints ?? [], _key);
}
