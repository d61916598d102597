using GzAiEdge.Contracts.Signing;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// The evaluator's evidence comes from the stored chains: a report altered after signing is stored
/// but not verified, a device missing from the key registry has nothing verified, and without a
/// registry the answer is "not checked", never a pass.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class ChainEvidenceTests(ITestOutputHelper output)
{
    private const int Reports = 20;

    [Fact]
    public async Task Evidence_counts_only_reports_that_verify_against_the_registered_key()
    {
        await using var rig = await FaultRig.StartAsync("evidence", observe: false);
        using var registered = DeviceSigner.Create();
        using var unregistered = DeviceSigner.Create();
        rig.Register("cam-98", registered);
        var chain = SignedBurst.Chain(registered, "cam-98", Reports);
        chain[4] = chain[4] with { Kpis = chain[4].Kpis.ToDictionary(k => k.Key, k => k.Value + 50) };
        await SignedBurst.PublishAsync(rig.Broker, registered, chain);
        await SignedBurst.PublishAsync(rig.Broker, unregistered, SignedBurst.Chain(unregistered, "cam-97", 5));
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync("cam-98")).Count == Reports && (await rig.StoredSeqsAsync("cam-97")).Count == 5, "both bursts to be stored");

        using var http = new HttpClient();
        var period = new DemonstrationPeriod(chain[0].WindowStart, chain[^1].WindowEnd.AddHours(1));
        var evidence = new ChainEvidence(new ChainReader(rig.InfluxClient(http)), rig.RegistryFile);
        var tampered = await evidence.VerifyAsync("traffic-tianhe-flow", FaultRig.Site, "cam-98", period, CancellationToken.None);
        var unknown = await evidence.VerifyAsync("traffic-tianhe-flow", FaultRig.Site, "cam-97", period, CancellationToken.None);
        var noRegistry = await new ChainEvidence(new ChainReader(rig.InfluxClient(http)), rig.Folder.File("absent-keys.json"))
            .VerifyAsync("traffic-tianhe-flow", FaultRig.Site, "cam-98", period, CancellationToken.None);

        output.WriteLine($"evidence: cam-98 {tampered}, cam-97 (not registered) {unknown}, no registry {noRegistry?.ToString() ?? "not checked"}");
        Assert.Equal(new EvidenceSummary(Reports - 1, Reports), tampered);
        Assert.Equal(new EvidenceSummary(0, 5), unknown);
        Assert.Null(noRegistry);
    }
}
