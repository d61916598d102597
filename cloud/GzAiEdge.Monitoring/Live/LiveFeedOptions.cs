namespace GzAiEdge.Monitoring.Live;

/// <summary>Whether this instance runs the live feed (config section <c>LiveFeed</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record LiveFeedOptions
{
    public const string Section = "LiveFeed";

    /// <summary>
    /// On by default. The live feed sees every message (it does not share the subscription), so on a
    /// scale-out of N ingestion instances it costs each of them the whole traffic: turn it off on the
    /// instances that only ingest, and keep it on where the dashboard and alerts are served.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Seconds a live stream may stay quiet before it carries a <c>: keep-alive</c> comment, so that proxies between
    /// the dashboard and the cloud keep it open (nginx closes a proxied connection idle for 60 s by default).
    /// </summary>
    public int KeepAliveSeconds { get; set; } = 15;
}
