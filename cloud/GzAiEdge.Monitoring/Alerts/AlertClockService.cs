namespace GzAiEdge.Monitoring.Alerts;

/// <summary>Checks offline durations once a second: "offline longer than T" has no message that says so.</summary>
public sealed class AlertClockService(AlertEngine engine, TimeProvider time, ILogger<AlertClockService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await engine.CheckOfflineAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AlertLog.AlertLoopFailed(logger, Period, ex);
            }
        }
    }
}
