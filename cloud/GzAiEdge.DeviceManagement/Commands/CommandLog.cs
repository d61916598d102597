namespace GzAiEdge.DeviceManagement.Commands;

/// <summary>Log messages of device commands and the model repository (event ids 7000–7099).</summary>
internal static partial class CommandLog
{
    [LoggerMessage(7000, LogLevel.Information, "Command {Id} ({Type}) published to {Topic}")]
    public static partial void Published(ILogger logger, string id, string type, string topic);

    [LoggerMessage(7001, LogLevel.Warning, "Command {Id} could not be published to {Topic}: {Reason}")]
    public static partial void NotPublished(ILogger logger, string id, string topic, string reason);

    [LoggerMessage(7002, LogLevel.Warning, "Model repository: skipped {Reason}")]
    public static partial void ManifestSkipped(ILogger logger, string reason);
}
