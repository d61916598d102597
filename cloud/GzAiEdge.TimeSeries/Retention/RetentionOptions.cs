namespace GzAiEdge.TimeSeries.Retention;

/// <summary>How long InfluxDB keeps what (configuration section <c>Retention</c>); docs/operations.md says why.</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Whether the cloud sets the policies at start (only with the 1.x API, which has retention policies and continuous queries).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Days the raw points (reports with their chain fields, checkpoints, heartbeats) stay in the default policy: every period
    /// an evaluation or audit may be re-run over, and the evidence behind it. 0 keeps them forever.
    /// </summary>
    public int RawDays { get; set; } = 400;

    /// <summary>Days the downsampled KPI means stay (0: forever); they serve long charts, never scores.</summary>
    public int DownsampledDays { get; set; }

    /// <summary>Minutes per downsampled point.</summary>
    public int DownsampleMinutes { get; set; } = 60;
}
