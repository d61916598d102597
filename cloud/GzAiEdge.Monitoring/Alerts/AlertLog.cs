namespace GzAiEdge.Monitoring.Alerts;

/// <summary>Log messages of alerts (event ids 6010–6099; the live feed has 6000–6009).</summary>
internal static partial class AlertLog
{
    [LoggerMessage(6010, LogLevel.Warning, "Alert {Id} raised: {Message}")]
    public static partial void AlertRaised(ILogger logger, long id, string message);

    [LoggerMessage(6011, LogLevel.Information, "Alert {Id} resolved: {Message}")]
    public static partial void AlertResolved(ILogger logger, long id, string message);

    [LoggerMessage(6012, LogLevel.Warning, "Alert {Id} could not be published to {Target}: {Reason}")]
    public static partial void AlertNotPublished(ILogger logger, long id, string target, string reason);

    [LoggerMessage(6013, LogLevel.Error, "Alert evaluation failed; retrying in {Delay}")]
    public static partial void AlertLoopFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(6014, LogLevel.Information, "Alert store pruned: {ByAge} resolved alerts older than {MaxAgeDays} days, {BySize} beyond the newest {MaxResolved} resolved")]
    public static partial void AlertsPruned(ILogger logger, long byAge, int maxAgeDays, long bySize, long maxResolved);
}
