namespace GzAiEdge.Monitoring.Live;

/// <summary>Log messages of the live feed (event ids 6000–6009; alerts have 6010–6099).</summary>
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

    [LoggerMessage(6010, LogLevel.Warning, "Device {Site}/{Device}: {Reason}")]
    public static partial void QuotaChanged(ILogger logger, string site, string device, string reason);

    [LoggerMessage(6005, LogLevel.Information, "Live feed off (LiveFeed:Enabled = false): this instance only ingests; dashboards and alerts need an instance with it on")]
    public static partial void Disabled(ILogger logger);
}
