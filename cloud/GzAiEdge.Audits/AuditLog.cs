namespace GzAiEdge.Audits;

/// <summary>Log messages of audit runs (event ids 7100–7199).</summary>
internal static partial class AuditLog
{
    [LoggerMessage(7100, LogLevel.Information, "Audit {Audit} of {Scenario} started: {TestSet} {Version}, {Items} items, {Devices} devices, deadline {Deadline:O}")]
    public static partial void Started(ILogger logger, string audit, string scenario, string testSet, string version, int items, int devices, DateTimeOffset deadline);

    [LoggerMessage(7101, LogLevel.Warning, "Audit {Audit}: the command to {Site}/{Device} was not published: {Reason}")]
    public static partial void NotSent(ILogger logger, string audit, string site, string device, string reason);

    [LoggerMessage(7102, LogLevel.Information, "Audit {Audit}: the answer of {Site}/{Device} was scored ({Items} items, model {Model})")]
    public static partial void Scored(ILogger logger, string audit, string site, string device, int items, string model);

    [LoggerMessage(7103, LogLevel.Warning, "Audit {Audit}: an answer for {Site}/{Device} was rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string audit, string site, string device, string reason);

    [LoggerMessage(7104, LogLevel.Information, "Audit {Audit}: the part of {Site}/{Device} ended {State}: {Reason}")]
    public static partial void Ended(ILogger logger, string audit, string site, string device, string state, string reason);
}
