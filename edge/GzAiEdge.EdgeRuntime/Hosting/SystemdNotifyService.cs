using System.Net.Sockets;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Hosting.Systemd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Hosting;

/// <summary>
/// Tells systemd how the worker is (a <c>Type=notify</c> unit with <c>WatchdogSec=</c>): <c>READY=1</c> once every
/// service has started and the pipeline has finished its first tick, <c>WATCHDOG=1</c> at half the watchdog
/// timeout while the pipeline loop keeps ticking, a <c>STATUS=</c> line for <c>systemctl status</c>, and
/// <c>STOPPING=1</c> when the host stops. Registered only when systemd started the worker.
/// </summary>
public sealed class SystemdNotifyService(
    SystemdNotifier notifier,
    PipelineLiveness liveness,
    IHostApplicationLifetime lifetime,
    IOptions<SourceOptions> source,
    Outbox outbox,
    EdgeConnection connection,
    TimeProvider time,
    ILogger<SystemdNotifyService> logger) : BackgroundService
{
    /// <summary>How often <c>STATUS=</c> is refreshed when there is no watchdog to feed.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(10);

    private bool _stalled;

    /// <summary>
    /// How long the pipeline may go without finishing a tick and still count as alive: half the watchdog timeout,
    /// but never less than two tick periods, so a source that ticks slower than the watchdog is not taken for hung.
    /// </summary>
    public static TimeSpan AliveLimit(TimeSpan watchdogTimeout, TimeSpan tickPeriod) =>
        TimeSpan.FromTicks(Math.Max(watchdogTimeout.Ticks / 2, 2 * tickPeriod.Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        using var stopping = lifetime.ApplicationStopping.Register(() => Notify("STOPPING=1\nSTATUS=stopping"));
        var tick = TimeSpan.FromSeconds(1 / source.Value.SampleHz);
        using (var first = new PeriodicTimer(TimeSpan.FromMilliseconds(50), time))
        {
            while (!liveness.HasTicked && await first.WaitForNextTickAsync(stoppingToken))
            {
            }
        }

        Notify($"READY=1\nSTATUS={Status()}");
        EdgeLog.SystemdReady(logger, notifier.Socket, notifier.WatchdogTimeout);
        var interval = notifier.WatchdogTimeout is { } timeout ? timeout / 2 : StatusInterval;
        var limit = notifier.WatchdogTimeout is { } t ? AliveLimit(t, tick) : TimeSpan.MaxValue;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (notifier.WatchdogTimeout is null)
            {
                Notify($"STATUS={Status()}");
            }
            else if (liveness.IsAlive(limit))
            {
                _stalled = false;
                Notify($"WATCHDOG=1\nSTATUS={Status()}");
            }
            else
            {
                // Not feeding the watchdog is the point: systemd restarts a worker whose pipeline has hung.
                var since = liveness.SinceLastTick ?? TimeSpan.Zero;
                if (!_stalled)
                {
                    EdgeLog.PipelineStalled(logger, since, notifier.WatchdogTimeout.Value);
                    _stalled = true;
                }

                Notify($"STATUS=pipeline stalled: no tick for {since.TotalSeconds:0} s; watchdog not fed");
            }
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private string Status() =>
        $"running; last report seq {outbox.LastSeq}, {outbox.Depth} waiting in the outbox; broker {(connection.Client.IsConnected ? "connected" : "not connected")}";

    private void Notify(string state)
    {
        try
        {
            notifier.Send(state);
        }
        catch (SocketException ex)
        {
            EdgeLog.SystemdNotifyFailed(logger, notifier.Socket, ex.Message);
        }
    }
}
