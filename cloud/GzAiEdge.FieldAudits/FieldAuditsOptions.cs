namespace GzAiEdge.FieldAudits;

/// <summary>Field audits (configuration section <c>FieldAudits</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record FieldAuditsOptions
{
    public const string Section = "FieldAudits";

    /// <summary>The store folder: <c>field-audits.db</c> and <c>blobs/</c> (the evidence inputs devices uploaded).</summary>
    public string Path { get; set; } = "field-audits";

    /// <summary>Items drawn from each closed window and stratum (positives, negatives) a period samples.</summary>
    public int ItemsPerStratum { get; set; } = 1;

    /// <summary>Largest evidence upload accepted (one item: its input and outputs).</summary>
    public int MaxEvidenceBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long a device has to answer an <c>evidence.fetch</c> before its items count as unanswered.</summary>
    public int AnswerMinutes { get; set; } = 30;
}
