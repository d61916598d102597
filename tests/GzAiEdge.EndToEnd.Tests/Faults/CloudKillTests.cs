using System.Net.Http.Json;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Contracts.Signing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

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

        var publishing = SignedBurst.PublishAsync(rig.Broker, burstKey, chain);
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync("cam-99")).Count >= 300, "the first batches");
        rig.Cloud!.Kill();
        var storedAtKill = (await rig.StoredSeqsAsync("cam-99")).Count;
        await publishing;
        await rig.StartCloudAsync();
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync("cam-99")).Count >= Reports, $"all {Reports} reports after the restart");
        await rig.WaitForAsync(async () => (await rig.VerifyAsync("cam-99")).AttestedHead == Reports, "the checkpoint published after the burst");

        var seqs = await rig.StoredSeqsAsync("cam-99");
        Assert.Equal(Enumerable.Range(1, Reports).Select(i => (long)i), seqs.Order());
        var verification = await rig.VerifyAsync("cam-99");
        Assert.Equal((Reports, 0, (long?)Reports), (verification.Verified, verification.Problems.Count, verification.AttestedHead));

        using var http = new HttpClient { BaseAddress = rig.Api };
        var stats = await http.GetFromJsonAsync<IngestionStatsView>("/api/v1/ingestion/stats");
        var duplicates = storedAtKill + stats!.Stored - 1 - Reports;
        output.WriteLine(FaultRig.Counts($"kill -9 cloud at {storedAtKill} stored", Reports, seqs.Count, duplicates, verification));
        Assert.True(storedAtKill < Reports, "the kill came after everything was stored; it proves nothing");
    }
}
