using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>
/// Checks offline durations once a second ("offline longer than T" has no message that says so), and keeps the alert
/// store within its age and size limits once an hour, logging what it removed.
/// </summary>
public sealed class AlertClockService(AlertEngine engine, SqliteAlertStore store, IOptions<AlertOptions> options, TimeProvider time,
    ILogger<AlertClockService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PrunePeriod = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        var pruned = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await engine.CheckOfflineAsync(stoppingToken);
                if (time.GetUtcNow() - pruned >= PrunePeriod)
                {
                    pruned = time.GetUtcNow();
                    var removed = await store.PruneAsync(pruned.AddDays(-options.Value.MaxAgeDays), options.Value.MaxResolved, stoppingToken);
                    if (removed.ByAge + removed.BySize > 0)
                    {
                        AlertLog.AlertsPruned(logger, removed.ByAge, options.Value.MaxAgeDays, removed.BySize, options.Value.MaxResolved);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AlertLog.AlertLoopFailed(logger, Period, ex);
            }
        }
    }
}
