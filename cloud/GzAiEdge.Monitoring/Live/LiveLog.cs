namespace GzAiEdge.Monitoring.Live;

/// <summary>Log messages of the live feed, alerts and dashboard (event ids 6000–6099).</summary>
internal static partial class LiveLog
{
    [LoggerMessage(6000, LogLevel.Information, "Live feed subscribed to {Filters}")]
    public static partial void Subscribed(ILogger logger, string filters);

    [LoggerMessage(6001, LogLevel.Warning, "Live feed cannot reach the broker ({Reason}); retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(6002, LogLevel.Debug, "Live feed ignored a message on {Topic}: {Reason}")]
    public static partial void Ignored(ILogger logger, string topic, string reason);

    [LoggerMessage(6003, LogLevel.Error, "Live feed failed on a message on {Topic}")]
    public static partial void HandlerFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(6004, LogLevel.Error, "Live feed could not subscribe again after a reconnect; it waits for the next one")]
    public static partial void ResubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(6005, LogLevel.Information, "Live feed off (LiveFeed:Enabled = false): this instance only ingests; dashboards and alerts need an instance with it on")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(6010, LogLevel.Warning, "Alert {Id} raised: {Message}")]
    public static partial void AlertRaised(ILogger logger, long id, string message);

    [LoggerMessage(6011, LogLevel.Information, "Alert {Id} resolved: {Message}")]
    public static partial void AlertResolved(ILogger logger, long id, string message);

    [LoggerMessage(6012, LogLevel.Warning, "Alert {Id} could not be published to {Target}: {Reason}")]
    public static partial void AlertNotPublished(ILogger logger, long id, string target, string reason);

    [LoggerMessage(6013, LogLevel.Error, "Alert evaluation failed; retrying in {Delay}")]
    public static partial void AlertLoopFailed(ILogger logger, TimeSpan delay, Exception exception);
}
