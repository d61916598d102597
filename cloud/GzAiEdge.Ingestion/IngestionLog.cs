namespace GzAiEdge.Ingestion;

/// <summary>Ingestion's log messages (event ids 3000–3099).</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(3000, LogLevel.Information, "Subscribed to {Filter} (session present: {SessionPresent})")]
    public static partial void Subscribed(ILogger logger, string filter, bool sessionPresent);

    [LoggerMessage(3001, LogLevel.Warning, "Cannot reach the broker ({Reason}); retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(3002, LogLevel.Debug, "Stored and acknowledged a batch of {Count} messages")]
    public static partial void BatchDone(ILogger logger, int count);

    [LoggerMessage(3003, LogLevel.Warning, "Dead-lettered a message on {Topic}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string topic, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "{Step} failed ({Reason}); holding the batch unacknowledged, retrying in {Delay}")]
    public static partial void StepFailed(ILogger logger, string step, string reason, TimeSpan delay);

    [LoggerMessage(3005, LogLevel.Warning, "Subscribing again after the broker resumed the session failed ({Reason}); the next reconnect tries again")]
    public static partial void ResubscribeFailed(ILogger logger, string reason);

    [LoggerMessage(3006, LogLevel.Warning, "Lost the connection while acknowledging a stored batch of {Count} ({Reason}); the broker will deliver the unacknowledged ones again")]
    public static partial void AcknowledgeLost(ILogger logger, int count, string reason);

    [LoggerMessage(3008, LogLevel.Warning, "Subscribing to {Filter} failed ({Reason}); asking again on the next connection")]
    public static partial void SubscribeLost(ILogger logger, string filter, string reason);

    [LoggerMessage(3009, LogLevel.Warning, "A device went over its quota ({Topic}: {Reason}); its messages are dead-lettered until it is back within it (counted per device in /api/v1/ingestion/stats)")]
    public static partial void OverQuota(ILogger logger, string topic, string reason);

    [LoggerMessage(3007, LogLevel.Information, "Ingestion off (Ingestion:Enabled = false): this instance connects to no broker and stores nothing; it serves what other instances stored")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(3008, LogLevel.Warning, "Dead letters pruned: {Aged} older than {MaxAgeDays} days, {Sized} oldest to stay within {MaxTotalBytes} bytes ({Bytes} bytes in all); GET /api/v1/dead-letters/stats counts them")]
    public static partial void DeadLettersPruned(ILogger logger, long aged, int maxAgeDays, long sized, long maxTotalBytes, long bytes);
}
