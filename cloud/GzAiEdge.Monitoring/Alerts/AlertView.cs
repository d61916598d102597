namespace GzAiEdge.Monitoring.Alerts;

/// <summary>
/// One alert as stored, listed, streamed and published on <c>gz/v1/alerts</c>. The dashboard builds
/// its own text in the reader's language from kind, KPI, value and threshold; <see cref="Message"/>
/// is the English text for logs and webhooks.
/// </summary>
/// <param name="Kind"><c>kpi</c>, <c>offline</c>, <c>completeness</c> or <c>quota</c>.</param>
/// <param name="Active">Raised and not yet resolved.</param>
public sealed record AlertView(
    long Id,
    string Rule,
    string Kind,
    string Scenario,
    string Site,
    string Device,
    string? Kpi,
    double? Value,
    double? Threshold,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? AcknowledgedAt)
{
    public bool Active => ResolvedAt is null;
}

/// <summary>What an alert rule found, before it is stored.</summary>
public sealed record AlertDraft(
    string Rule, string Kind, string Scenario, string Site, string Device, string? Kpi, double? Value, double? Threshold, string Message);

public static class AlertKinds
{
    public const string Kpi = "kpi";
    public const string Offline = "offline";
    public const string Completeness = "completeness";

    /// <summary>A device sends more than its quota allows; its messages are dead-lettered meanwhile.</summary>
    public const string Quota = "quota";
}
