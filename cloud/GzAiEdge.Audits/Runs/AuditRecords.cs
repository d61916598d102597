using GzAiEdge.Evaluation.Audits;

namespace GzAiEdge.Audits.Runs;

/// <summary>One item of an audit's inputs file: its id there, the test-set item it is, and, for a repeat, the id it repeats.</summary>
public sealed record AuditItem(string Id, string Source, string? RepeatOf);

/// <summary>An audit run as stored: what it ran, its inputs file and item map (which never leaves the cloud), when and until when.</summary>
public sealed record AuditRecord(
    string Id, string Scenario, string Pipeline, string TestSet, string Version, string TestSetSha256, string InputsSha256, long InputsSize,
    IReadOnlyList<AuditItem> Items, DateTimeOffset Started, DateTimeOffset Deadline);

/// <summary>One device's part of an audit: its command, nonce and seed, its state and, once scored, its result.</summary>
public sealed record PartRecord(
    string Audit, string Site, string Device, string Command, string Nonce, long Seed, string State, string? Reason,
    DateTimeOffset? Answered, string? AnswerSha256, PartResult? Result);

/// <summary>What scoring a valid answer found: the model, the operating threshold, the audit's latency, the metrics and the repeats check.</summary>
public sealed record PartResult(
    AuditModel Model, double Threshold, double LatencyP95Ms, int Runs, IReadOnlyDictionary<string, AuditMetric> Metrics, AuditFlag Repeats);

/// <summary>An answer received for a part, with the verdict and its reason.</summary>
public sealed record AnswerRecord(string Audit, string Site, string Device, DateTimeOffset Received, bool Accepted, string Reason, string? Sha256);

/// <summary>How a device's part of an audit ends (or has not yet): only <see cref="Scored"/> parts feed evaluation.</summary>
public static class PartStates
{
    /// <summary>The command went out; no valid answer yet, and the deadline has not passed.</summary>
    public const string Pending = "pending";

    /// <summary>A valid answer was scored.</summary>
    public const string Scored = "scored";

    /// <summary>The deadline passed and every answer that came was rejected (the reason is the last one's).</summary>
    public const string Rejected = "rejected";

    /// <summary>The device refused the command or could not finish the run (its event says why), or the command could not be sent.</summary>
    public const string Failed = "failed";

    /// <summary>The deadline passed without an answer while the device was online.</summary>
    public const string Expired = "expired";

    /// <summary>The deadline passed without an answer and the device was offline (its last state said so, or it never reported).</summary>
    public const string Offline = "offline";

    /// <summary>Whether <paramref name="state"/> is final.</summary>
    public static bool IsFinal(string state) => state != Pending;
}
