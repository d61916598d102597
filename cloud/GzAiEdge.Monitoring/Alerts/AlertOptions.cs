namespace GzAiEdge.Monitoring.Alerts;

/// <summary>Alert rules, store and outlets (config section <c>Alerts</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// Whether this instance evaluates rules. With several cloud instances exactly one should, or
    /// each would raise its own copy of every alert; all of them still show alerts live.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public string RulesPath { get; set; } = "firmware-configs/alerts/rules.yaml";

    /// <summary>SQLite file holding alerts, raised and resolved.</summary>
    public string StorePath { get; set; } = "alerts.db";

    /// <summary>Resolved alerts are kept this long (a demonstration's record: as long as its raw reports), then removed and counted.</summary>
    public int MaxAgeDays { get; set; } = 400;

    /// <summary>At most this many resolved alerts are kept; the oldest beyond it are removed and counted. Active ones always stay.</summary>
    public long MaxResolved { get; set; } = 100_000;

    /// <summary>When set, every raised, resolved or acknowledged alert is POSTed here as JSON.</summary>
    public string? WebhookUrl { get; set; }
}
