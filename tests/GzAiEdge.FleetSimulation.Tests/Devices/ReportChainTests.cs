using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.FleetSimulation.Devices;

namespace GzAiEdge.FleetSimulation.Tests.Devices;

public sealed class ReportChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_chain_continued_from_a_saved_head_verifies_as_one_chain_with_its_checkpoint()
    {
        using var signer = DeviceSigner.Create();
        using var key = SignatureCheck.FromPem(signer.PublicKeyPem, "test");
        var first = new ReportChain(signer, "tianhe-01", "fleet-00001", "traffic-tianhe-flow", ChainHead.Start);
        var reports = Enumerable.Range(0, 3).Select(i => Report(first, i)).ToList();
        var continued = new ReportChain(signer, "tianhe-01", "fleet-00001", "traffic-tianhe-flow", first.Head);
        reports.AddRange(Enumerable.Range(3, 3).Select(i => Report(continued, i)));
        var checkpoint = continued.Checkpoint(Start.AddMinutes(5));

        var result = ChainVerifier.Verify("tianhe-01", "fleet-00001", Start, Start.AddDays(1), null,
            [.. reports.Select(r => new StoredReport(r, ChainHash.Of(r)))], [checkpoint], key);

        Assert.Equal((6L, 6L, 0), (result.Verified, result.AttestedHead ?? 0, result.Problems.Count));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), reports.Select(r => r.Seq));
    }

    private static KpiReport Report(ReportChain chain, int window) =>
        chain.Next(Start.AddSeconds(10 * window), Start.AddSeconds(10 * (window + 1)), new Dictionary<string, double> { ["samples"] = window }, null);
}
