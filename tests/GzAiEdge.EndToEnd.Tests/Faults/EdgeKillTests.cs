using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class EdgeKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_edge_repeatedly_loses_nothing_and_seq_stays_gap_free()
    {
        await using var rig = await FaultRig.StartAsync("edge-kill");
        var random = new Random(4);
        rig.StartEdge();
        for (var kill = 0; kill < 3; kill++)
        {
            var before = (await rig.StoredSeqsAsync()).Count;
            await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= before + 2, $"reports before kill {kill + 1}");

            // Any moment of a window: while sampling, while storing, while publishing.
            await Task.Delay(random.Next(0, 1000));
            rig.Edge!.Kill();
            rig.StartEdge();
        }

        var last = (await rig.StoredSeqsAsync()).Count;
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= last + 2, "reports after the last restart");

        var (n, verification) = await rig.StopEdgeAndAssertCompleteAsync();

        var (sent, duplicates) = rig.SentByDevice();
        output.WriteLine(FaultRig.Counts("kill -9 edge x3", sent, n, duplicates, verification));
        Assert.True(sent >= n);
    }
}
