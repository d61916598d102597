using Microsoft.Extensions.Logging;

namespace GzAiEdge.EdgeRuntime;

/// <summary>The edge worker's log messages (event ids 2000–2099).</summary>
internal static partial class EdgeLog
{
    [LoggerMessage(2000, LogLevel.Information, "Pipeline started: {Source}, {WindowSeconds} s windows")]
    public static partial void PipelineStarted(ILogger logger, string source, int windowSeconds);

    [LoggerMessage(2001, LogLevel.Debug, "Window closed: ending {WindowEnd:O} with {KpiCount} KPIs")]
    public static partial void WindowClosed(ILogger logger, DateTimeOffset windowEnd, int kpiCount);

    [LoggerMessage(2002, LogLevel.Debug, "{Topic} (outbox id {Id}) acknowledged by the broker")]
    public static partial void ReportPublished(ILogger logger, string topic, long id);

    [LoggerMessage(2003, LogLevel.Warning, "Publishing {Topic} (outbox id {Id}) failed ({Reason}); it stays in the outbox, retrying in {Delay}")]
    public static partial void PublishFailed(ILogger logger, string topic, long id, string reason, TimeSpan delay);

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

    [LoggerMessage(2010, LogLevel.Information, "Outbox {Path}: {Depth} messages waiting, last seq {LastSeq}, {Evicted} reports evicted so far")]
    public static partial void OutboxOpened(ILogger logger, string path, long depth, long lastSeq, long evicted);

    [LoggerMessage(2011, LogLevel.Warning, "Outbox bound reached ({Why}): evicted reports seq {FirstSeq}..{LastSeq} ({Reports} reports, {Messages} messages)")]
    public static partial void Evicted(ILogger logger, string why, long? firstSeq, long? lastSeq, long reports, long messages);

    [LoggerMessage(2012, LogLevel.Error, "Outbox {Path} cannot store a report ({Reason}); holding it in memory and retrying in {Delay}")]
    public static partial void StoreFailed(ILogger logger, string path, string reason, TimeSpan delay);

    [LoggerMessage(2013, LogLevel.Information, "Report {Seq} stored in the outbox (window end {WindowEnd:O})")]
    public static partial void ReportStored(ILogger logger, long seq, DateTimeOffset windowEnd);

    [LoggerMessage(2014, LogLevel.Warning, "{Topic} (outbox id {Id}): the broker has no subscriber for it (ingestion not subscribed); kept in the outbox, again in {Delay}")]
    public static partial void NoSubscriber(ILogger logger, string topic, long id, TimeSpan delay);

    [LoggerMessage(2044, LogLevel.Warning, "Connecting to the broker {Host}:{Port} WITHOUT TLS (Broker:AllowPlaintext: true): the broker password and every report cross the network in clear; set Broker:CaFile and remove the opt-out")]
    public static partial void Plaintext(ILogger logger, string host, int port);

    [LoggerMessage(2045, LogLevel.Warning, "Connecting to the broker {Host}:{Port} with TLS; Broker:AllowPlaintext: true is set but unused: remove it")]
    public static partial void PlaintextAllowedButUnused(ILogger logger, string host, int port);

    // Remote commands and model updates.
    [LoggerMessage(2060, LogLevel.Information, "Listening for commands on {Topic}")]
    public static partial void CommandsSubscribed(ILogger logger, string topic);

    [LoggerMessage(2061, LogLevel.Error, "The broker refused the subscription to {Topic} ({Code}); this device runs no remote commands until its ACL lets it read its own cmd topic (gz provision writes such an ACL)")]
    public static partial void CommandsRefused(ILogger logger, string topic, string code);

    [LoggerMessage(2062, LogLevel.Information, "Command {Id}: {Code}: {Message}")]
    public static partial void CommandReported(ILogger logger, string? id, string code, string message);

    [LoggerMessage(2063, LogLevel.Warning, "Ignored a message on {Topic}: {Reason}")]
    public static partial void CommandIgnored(ILogger logger, string topic, string reason);

    [LoggerMessage(2064, LogLevel.Error, "Command {Id} ended with an unexpected error; the next command is taken")]
    public static partial void CommandCrashed(ILogger logger, string? id, Exception exception);

    [LoggerMessage(2065, LogLevel.Error, "Could not store the event {Code} of command {Id} ({Reason}); it is only in this log")]
    public static partial void EventNotStored(ILogger logger, string code, string? id, string reason);

    [LoggerMessage(2080, LogLevel.Information, "Audit {Audit}: {Items} items ran in {Seconds:0.0} s")]
    public static partial void AuditRan(ILogger logger, string audit, int items, double seconds);

    [LoggerMessage(2081, LogLevel.Warning, "Audit {Audit}: the answer was not taken ({Reason}); trying again in {Seconds} s")]
    public static partial void AuditUploadRetry(ILogger logger, string audit, string reason, double seconds);
}
