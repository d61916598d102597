using Microsoft.Extensions.Logging;

namespace GzAiEdge.Edge;

/// <summary>The edge worker's log messages (event ids 2000–2099).</summary>
internal static partial class EdgeLog
{
    [LoggerMessage(2000, LogLevel.Information, "Pipeline started: {Source}, {WindowSeconds} s windows")]
    public static partial void PipelineStarted(ILogger logger, string source, int windowSeconds);

    [LoggerMessage(2001, LogLevel.Debug, "Window closed: seq {Seq} ending {WindowEnd:O} with {KpiCount} KPIs")]
    public static partial void WindowClosed(ILogger logger, long seq, DateTimeOffset windowEnd, int kpiCount);

    [LoggerMessage(2002, LogLevel.Debug, "Report {Seq} acknowledged by the broker")]
    public static partial void ReportPublished(ILogger logger, long seq);

    [LoggerMessage(2003, LogLevel.Warning, "Publishing report {Seq} failed ({Reason}); retrying in {Delay}")]
    public static partial void PublishFailed(ILogger logger, long seq, string reason, TimeSpan delay);

    [LoggerMessage(2004, LogLevel.Warning, "Cannot reach the broker ({Reason}); retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(2005, LogLevel.Information, "Connected to the broker (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, bool sessionPresent);

    [LoggerMessage(2006, LogLevel.Warning, "Disconnected from the broker: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(2007, LogLevel.Warning, "Could not publish the device state: {Reason}")]
    public static partial void StatePublishFailed(ILogger logger, string reason);

    [LoggerMessage(2009, LogLevel.Error, "Window {Start:O}..{End:O} not reported: {Reason}")]
    public static partial void WindowDropped(ILogger logger, DateTimeOffset start, DateTimeOffset end, string reason);

    [LoggerMessage(2008, LogLevel.Debug, "Heartbeat skipped: {Reason}")]
    public static partial void HeartbeatSkipped(ILogger logger, string reason);
}
