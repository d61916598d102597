using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>The worker as systemd runs a Type=notify service with WatchdogSec: the notifications it sends on its own.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class SystemdNotifyTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_worker_says_ready_then_feeds_the_watchdog_and_says_stopping_on_SIGTERM()
    {
        using var folder = new TempFolder("gz-notify");
        using var socket = new NotifySocket(folder.File("notify"));
        // No broker listens there: a device that cannot reach its broker is still up (its outbox keeps the reports).
        await using var edge = GzProcesses.StartEdge($"""
            edge: {"{"} site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow, windowSeconds: 1, stateDirectory: {folder.File("state")} {"}"}
            broker: {"{"} port: {FreePort.Next()}, allowPlaintext: true {"}"}
            source: {"{"} profile: traffic {"}"}
            """, folder, environment: new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socket.Name, ["WATCHDOG_USEC"] = "1000000" });

        var ready = await socket.ReceiveAsync(Guard);

        Assert.True(ready?.StartsWith("READY=1\nSTATUS=running; last report seq ", StringComparison.Ordinal), $"first notification: {ready}; worker output:\n{edge.Output}");
        for (var i = 0; i < 3; i++)
        {
            var next = await socket.ReceiveAsync(Guard);
            Assert.True(next?.StartsWith("WATCHDOG=1\nSTATUS=running", StringComparison.Ordinal), $"notification {i + 2}: {next}; worker output:\n{edge.Output}");
        }

        await edge.StopAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(await socket.WaitForAsync("STOPPING=1", TimeSpan.FromSeconds(5)));
        Assert.Equal(0, edge.ExitCode);
    }
}
