using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_ingestion_instances_on_the_shared_subscription_split_the_reports_none_lost_none_stored_twice()
    {
        const int devices = 10, reports = 100, expected = devices * reports;
        await using var rig = await ScaleOutRig.StartAsync(2);

        await rig.PublishAsync(devices, reports, TimeSpan.Zero);

        var stored = new long[2];
        await rig.WaitForAsync(async () =>
        {
            stored = [await rig.Instances[0].StoredAsync(), await rig.Instances[1].StoredAsync()];
            return stored.Sum() >= expected;
        }, $"{expected} reports stored");
        Assert.Equal(expected, stored.Sum());
        Assert.All(stored, s => Assert.True(s > 0, $"an instance stored nothing: {string.Join(", ", stored)}"));
        foreach (var instance in rig.Instances)
        {
            Assert.Equal(0, (await instance.StatsAsync()).DeadLettered);
        }

        Assert.Equal(expected, await rig.CountPointsAsync());
    }

    // Mosquitto 2.0 keeps handing a killed member its share (round robin over the sessions of the group, connected
    // or not), and what it queued for that session waits for the session's client id to come back, as a
    // supervisor (systemd Restart=always) brings it. The survivors carry their shares on meanwhile.
    [Fact]
    public async Task Three_instances_share_the_reports_and_one_killed_mid_run_loses_nothing_and_doubles_nothing()
    {
        const int devices = 20, reports = 60, expected = devices * reports;
        await using var rig = await ScaleOutRig.StartAsync(3);
        var victim = rig.Instances[1];
        var survivors = new[] { rig.Instances[0], rig.Instances[2] };

        // 9 s of publishing: on a loaded machine the victim's first stored report can take seconds to show, and the
        // kill must still come while reports are arriving.
        var publishing = rig.PublishAsync(devices, reports, TimeSpan.FromMilliseconds(150));
        await rig.WaitForAsync(async () => await victim.StoredAsync() > 0, "the instance to be killed to store some reports");
        var survivorsAtKill = new[] { await survivors[0].StoredAsync(), await survivors[1].StoredAsync() };
        var victimStored = await victim.StoredAsync();
        victim.Process.Kill();
        var storedAtKill = await rig.CountPointsAsync();

        await publishing;
        await rig.WaitForAsync(async () => await survivors[0].StoredAsync() > survivorsAtKill[0] && await survivors[1].StoredAsync() > survivorsAtKill[1],
            "the survivors to go on storing after the kill");
        var restarted = await rig.StartInstanceAsync(victim.ClientId);
        await rig.WaitForAsync(async () => await rig.CountPointsAsync() >= expected, $"all {expected} reports after the restart");

        Assert.True(storedAtKill < expected, $"the kill came after everything was stored ({storedAtKill}); it proves nothing");
        Assert.Equal(expected, await rig.CountPointsAsync());
        for (var d = 1; d <= devices; d++)
        {
            Assert.Equal(Enumerable.Range(1, reports).Select(i => (long)i), (await rig.StoredSeqsAsync(ScaleOutRig.Device(d))).Order());
        }

        var split = new[] { await survivors[0].StoredAsync(), victimStored, await survivors[1].StoredAsync() };
        var afterRestart = await restarted.StoredAsync();
        output.WriteLine($"stored at the kill {survivorsAtKill[0]} + {victimStored} + {survivorsAtKill[1]} = {storedAtKill} points; by the end {split[0]} + " +
            $"({victimStored} before the kill, {afterRestart} after its restart) + {split[2]}; points {expected}");

        // The waits above already make every instance's count positive; what they do not show is where the killed
        // member's share went meanwhile: it waited in its session and came out when its client id returned.
        Assert.True(afterRestart > 0, $"the restarted instance stored nothing: the killed member's share was not kept for it ({string.Join(", ", split)})");
    }
}
