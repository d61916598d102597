using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    // Long enough for both reconnect backoffs to reach their 30 s cap
    // and for the outbox to hold a backlog of about 30 reports.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stopping_mosquitto_mid_stream_loses_nothing_the_outbox_replays_in_order()
    {
        await using var rig = await FaultRig.StartAsync("broker", observe: false);
        rig.StartEdge();
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= 3, "reports before the outage");

        await rig.Broker.StopAsync();
        await Task.Delay(Outage);
        await rig.Broker.StartAgainAsync();
        var before = (await rig.StoredSeqsAsync()).Count;
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= before + (int)Outage.TotalSeconds, "the backlog after the outage");

        var (n, verification) = await rig.StopEdgeAndAssertCompleteAsync();

        var (sent, duplicates) = rig.SentByDevice();
        output.WriteLine(FaultRig.Counts($"mosquitto stopped {Outage.TotalSeconds} s", sent, n, duplicates, verification));
        Assert.Contains("Disconnected from the broker", rig.Edge!.Output, StringComparison.Ordinal);
    }
}
