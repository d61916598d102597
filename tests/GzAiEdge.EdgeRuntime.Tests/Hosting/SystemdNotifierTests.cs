using GzAiEdge.EdgeRuntime.Hosting;
using GzAiEdge.Hosting.Systemd;
using GzAiEdge.Testing;
using GzAiEdge.Testing.Devices.Emulation;

namespace GzAiEdge.EdgeRuntime.Tests.Hosting;

public class SystemdNotifierTests
{
    [Fact]
    public void Without_a_notify_socket_there_is_no_notifier()
    {
        Assert.Null(SystemdNotifier.FromEnvironment(new Dictionary<string, string?>(), 42));
        Assert.Null(SystemdNotifier.FromEnvironment(new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = string.Empty }, 42));
    }

    [Fact]
    public void The_watchdog_timeout_comes_from_WATCHDOG_USEC_for_this_process_only()
    {
        using var mine = SystemdNotifier.FromEnvironment(Env(("WATCHDOG_USEC", "30000000"), ("WATCHDOG_PID", "42")), 42)!;
        using var unpinned = SystemdNotifier.FromEnvironment(Env(("WATCHDOG_USEC", "1500000")), 42)!;
        using var others = SystemdNotifier.FromEnvironment(Env(("WATCHDOG_USEC", "30000000"), ("WATCHDOG_PID", "7")), 42)!;
        using var none = SystemdNotifier.FromEnvironment(Env(), 42)!;

        Assert.Equal(TimeSpan.FromSeconds(30), mine.WatchdogTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1.5), unpinned.WatchdogTimeout);
        Assert.Null(others.WatchdogTimeout);
        Assert.Null(none.WatchdogTimeout);
        var bad = Assert.Throws<InvalidDataException>(() => SystemdNotifier.FromEnvironment(Env(("WATCHDOG_USEC", "30s")), 42));
        Assert.StartsWith("WATCHDOG_USEC='30s' is not a positive number of microseconds", bad.Message);
    }

    [Fact]
    public async Task Notifications_reach_a_socket_at_a_path()
    {
        using var folder = new TempFolder();
        using var socket = new NotifySocket(folder.File("notify"));
        using var notifier = new SystemdNotifier(socket.Name, null);

        notifier.Send("READY=1\nSTATUS=running");

        Assert.Equal("READY=1\nSTATUS=running", await socket.ReceiveAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Notifications_reach_a_socket_in_the_abstract_namespace()
    {
        using var socket = new NotifySocket($"@gz-notify-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using var notifier = new SystemdNotifier(socket.Name, null);

        notifier.Send("WATCHDOG=1");

        Assert.Equal("WATCHDOG=1", await socket.ReceiveAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void The_pipeline_counts_as_alive_within_half_the_watchdog_or_two_ticks_whichever_is_longer()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), SystemdNotifyService.AliveLimit(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));
        Assert.Equal(TimeSpan.FromSeconds(20), SystemdNotifyService.AliveLimit(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Liveness_is_the_time_since_the_last_finished_tick()
    {
        var time = new EmulatedClock();
        var liveness = new PipelineLiveness(time);

        Assert.False(liveness.HasTicked);
        Assert.False(liveness.IsAlive(TimeSpan.FromSeconds(5)));
        liveness.Beat();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(liveness.IsAlive(TimeSpan.FromSeconds(5)));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(liveness.IsAlive(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(6), liveness.SinceLastTick);
    }

    private static Dictionary<string, string?> Env(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = "@gz-test" };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }
}
