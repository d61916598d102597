namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// One thing the dashboard shows live: a KPI report, a device change, a device event or an alert.
/// <paramref name="Json"/> is serialised once here and written as-is to every stream that wants it.
/// </summary>
/// <param name="Type">The SSE event name: <c>kpi</c>, <c>device</c>, <c>device-event</c> or <c>alert</c>.</param>
/// <param name="Scenario">The scenario it belongs to, when known (for filtering).</param>
/// <param name="Site">The site it belongs to (for filtering).</param>
/// <param name="Json">The event's data.</param>
public sealed record LiveEvent(string Type, string? Scenario, string? Site, string Json)
{
    public const string Kpi = "kpi";
    public const string Device = "device";
    public const string DeviceEventType = "device-event";
    public const string Alert = "alert";

    /// <summary>The device it belongs to, when it belongs to one (so that a stream scoped to some devices can filter it).</summary>
    public string? DeviceId { get; init; }

    /// <summary>Whether a stream filtered to this scenario and site (null = any) wants the event.</summary>
    public bool Matches(string? scenario, string? site) =>
        (scenario is null || Scenario == scenario) && (site is null || Site == site);
}
