using System.Net.Sockets;
using GzAiEdge.Hosting.Systemd;
using GzAiEdge.Ingestion;
using GzAiEdge.Monitoring.Live;

namespace GzAiEdge.Cloud.Hosting;

/// <summary>
/// sd_notify for the cloud as a <c>Type=notify</c> unit with <c>WatchdogSec=</c> (firmware-configs/cloud/gz-cloud.service):
/// <c>READY=1</c> once the host has started (Kestrel listens, ingestion and the live feed have begun to connect),
/// <c>WATCHDOG=1</c> at half the watchdog timeout with a <c>STATUS=</c> line, <c>STOPPING=1</c> when the stop begins.
/// The watchdog is fed from a timer on the thread pool, so it catches a process that is wedged (a deadlock, a starved
/// pool), not a slow dependency: InfluxDB or the broker being away is retried inside and shown by the metrics.
/// </summary>
public static class CloudSystemd
{
    public static IHostApplicationBuilder AddSystemdNotify(this IHostApplicationBuilder builder)
    {
        if (SystemdNotifier.FromProcessEnvironment() is { } notifier)
        {
            builder.Services.AddSingleton(notifier);
            builder.Services.AddHostedService<NotifyService>();
        }

        return builder;
    }

    private sealed class NotifyService(
        SystemdNotifier notifier, IHostApplicationLifetime lifetime, IServiceProvider services, ILogger<NotifyService> logger) : BackgroundService
    {
        private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(10);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            using var onStopping = lifetime.ApplicationStopping.Register(() => Notify("STOPPING=1\nSTATUS=stopping"));
            await started.Task.WaitAsync(stoppingToken);
            Notify($"READY=1\nSTATUS={Status()}");
            var beat = notifier.WatchdogTimeout is { } timeout ? timeout / 2 : StatusInterval;
            using var timer = new PeriodicTimer(beat);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Notify(notifier.WatchdogTimeout is null ? $"STATUS={Status()}" : $"WATCHDOG=1\nSTATUS={Status()}");
            }
        }

        private string Status()
        {
            var stats = services.GetService<IngestionStats>();
            var live = services.GetService<LiveHub>();
            return $"running; {stats?.Stored ?? 0} messages stored, {stats?.DeadLettered ?? 0} dead-lettered; {live?.StreamCount ?? 0} live streams";
        }

        private void Notify(string state)
        {
            try
            {
                notifier.Send(state);
            }
            catch (SocketException ex)
            {
                CloudLog.SystemdNotifyFailed(logger, notifier.Socket, ex.Message);
            }
        }
    }
}
