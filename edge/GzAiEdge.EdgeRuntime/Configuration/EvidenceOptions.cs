namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// The evidence ring (config section <c>Evidence</c>): the last minutes of the field pipeline's inputs at the model's
/// resolution with the outputs produced for each, for the field audits that sample them after their window closed.
/// </summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>
    /// Keep evidence. Unset: on for every model pipeline except vitals-classification, whose inputs are a patient's
    /// vital signs: medical data leaves the bedside device only when the site decides it may (set true in its config).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>How long an input is kept, in minutes; older ones are evicted first.</summary>
    public int Minutes { get; set; } = 30;

    /// <summary>Most bytes the ring's files take; past it the oldest are evicted.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// The ring keeps the first input of every slot of this many seconds (0: every input). The slot is fixed by the
    /// clock, never by what the model said, so what is kept cannot be chosen by its outputs.
    /// </summary>
    public double EverySeconds { get; set; } = 1;

    /// <summary>The folder of the ring's files; unset: <c>{stateDirectory}/{device}.evidence</c>.</summary>
    public string? Path { get; set; }
}
