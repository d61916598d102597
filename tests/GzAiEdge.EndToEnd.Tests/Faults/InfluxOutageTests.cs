using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class InfluxOutageTests(ITestOutputHelper output)
{
    // Long enough for ingestion's write retries (250 ms doubling) to reach their 30 s cap.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stopping_influxdb_mid_stream_holds_acknowledgements_and_loses_nothing()
    {
        await using var rig = await FaultRig.StartAsync("influx");
        rig.StartEdge();
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= 3, "reports before the outage");

        await rig.Influx.StopAsync();
        await Task.Delay(Outage);
        Assert.Contains("holding the batch unacknowledged", rig.Cloud!.Output, StringComparison.Ordinal);
        await rig.Influx.StartAgainAsync();
        var before = (await rig.StoredSeqsAsync()).Count;
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= before + (int)Outage.TotalSeconds, "the held reports after the outage");

        var (n, verification) = await rig.StopEdgeAndAssertCompleteAsync();

        var (sent, duplicates) = rig.SentByDevice();
        output.WriteLine(FaultRig.Counts($"influxdb stopped {Outage.TotalSeconds} s", sent, n, duplicates, verification));
    }
}
