using System.Net.Http.Json;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class CloudKillTests(ITestOutputHelper output)
{
    private const int Reports = 3000;

    [Fact]
    public async Task Killing_the_cloud_mid_batch_loses_nothing_the_broker_redelivers_what_was_not_acknowledged()
    {
        // Small batches, so that the kill falls between stored and unacknowledged ones: at the default
        // batch size ingestion stores the whole burst in one or two writes before the test can kill it.
        await using var rig = await FaultRig.StartAsync("cloud-kill", cloudArgs: "--Ingestion:BatchSize=10");
        using var burstKey = DeviceSigner.Create();
        rig.Register("cam-99", burstKey);
        var chain = SignedBurst.Chain(burstKey, "cam-99", Reports);

        // The first part flows through; then InfluxDB freezes so the cloud holds the rest received but not written, and dies
        // holding it. On a fast machine the whole chain could otherwise be stored before the kill lands.
        var firstPart = SignedBurst.PublishAsync(rig.Broker, burstKey, chain, ..(Reports / 3));
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync("cam-99")).Count >= 300, "the first batches");
        Posix.Freeze(rig.Influx.Pid!.Value);
        try
        {
            await firstPart;
            await SignedBurst.PublishAsync(rig.Broker, burstKey, chain, (Reports / 3)..);
            await Task.Delay(500);
            rig.Cloud!.Kill();
        }
        finally
        {
            Posix.Continue(rig.Influx.Pid!.Value);
        }

        var storedAtKill = (await rig.StoredSeqsAsync("cam-99")).Count;
        Assert.True(storedAtKill < Reports, $"{storedAtKill} of {Reports} stored with the cloud dead: nothing was left for the broker to redeliver");
        await rig.StartCloudAsync();
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync("cam-99")).Count >= Reports, $"all {Reports} reports after the restart");
        await rig.WaitForAsync(async () => (await rig.VerifyAsync("cam-99")).AttestedHead == Reports, "the checkpoint published after the burst");

        var seqs = await rig.StoredSeqsAsync("cam-99");
        Assert.Equal(Enumerable.Range(1, Reports).Select(i => (long)i), seqs.Order());
        var verification = await rig.VerifyAsync("cam-99");
        Assert.Equal((Reports, 0, (long?)Reports), (verification.Verified, verification.Problems.Count, verification.AttestedHead));

        using var http = CloudAccounts.AdminClient(rig.Api!, rig.Folder);
        var stats = await http.GetFromJsonAsync<IngestionStatsView>("/api/v1/ingestion/stats");
        var duplicates = storedAtKill + stats!.Stored - 1 - Reports;
        output.WriteLine(FaultRig.Counts($"kill -9 cloud at {storedAtKill} stored", Reports, seqs.Count, duplicates, verification));
    }
}
