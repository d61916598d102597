namespace GzAiEdge.Evaluation.Evidence;

/// <summary>Where verified spans are kept and how the background indexer runs (configuration section <c>Evidence</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The SQLite file of verified spans (derived data: rebuilt from InfluxDB when missing).</summary>
    public string SpansPath { get; set; } = "evidence-spans.db";

    /// <summary>Seconds between the indexer's rounds over the registry's devices.</summary>
    public int IndexIntervalSeconds { get; set; } = 300;

    /// <summary>Closed UTC days looked at in each round: as far back as a late report may still arrive (ingestion takes reports up to 35 days old).</summary>
    public int IndexDays { get; set; } = 36;
}
