namespace GzAiEdge.Audits;

/// <summary>Sealed audit runs (configuration section <c>Audits</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record AuditsOptions
{
    public const string Section = "Audits";

    /// <summary>The store folder: <c>audits.db</c> and <c>blobs/</c> (test sets, audit inputs, answers); <c>gz testset import --store</c> writes here.</summary>
    public string Path { get; set; } = "audits";

    /// <summary>
    /// PEM private key the cloud signs audit manifests with: the programme's key, whose public half every device holds
    /// (<c>Commands:ProgrammeKeyFile</c>). Unset: audits cannot be started.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How long a device has to answer, when the one starting an audit does not say.</summary>
    public int DeadlineMinutes { get; set; } = 60;

    /// <summary>Share of the test set's items sent a second time under new ids (at least one), whose outputs must be identical.</summary>
    public double RepeatShare { get; set; } = 0.1;

    /// <summary>The field reports before the audit and after it that the model and latency checks read.</summary>
    public int FieldWindowMinutes { get; set; } = 60;

    /// <summary>Audit latency p95 is consistent with the field's when within this factor of it (or <see cref="LatencySlackMs"/>).</summary>
    public double LatencyRatio { get; set; } = 2;

    /// <summary>Audit latency p95 is consistent with the field's when within this many milliseconds of it (or <see cref="LatencyRatio"/>).</summary>
    public double LatencySlackMs { get; set; } = 5;

    /// <summary>Largest answer accepted.</summary>
    public int MaxAnswerBytes { get; set; } = 64 * 1024 * 1024;
}
