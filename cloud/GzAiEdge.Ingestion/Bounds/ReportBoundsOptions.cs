namespace GzAiEdge.Ingestion.Bounds;

/// <summary>Which times ingestion believes of a device (config section <c>ReportBounds</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record ReportBoundsOptions
{
    public const string Section = "ReportBounds";

    /// <summary>
    /// How far past ingestion's clock a window may end (or another message be dated): device clocks drift a little,
    /// a report does not come from the future.
    /// </summary>
    public int MaxFutureSeconds { get; set; } = 300;

    /// <summary>
    /// The acceptance horizon: how long ago a window may have ended. Longer than any device keeps reports in its
    /// outbox (the shipped configs keep at most 30 days), so that a device back from an outage is not refused.
    /// </summary>
    public int HorizonDays { get; set; } = 35;
}
