namespace GzAiEdge.Evaluation.Audits;

/// <summary>The names of the integrity flags an audit carries (EVALUATION.md, "Audit runs", 6); each is usable as a gate.</summary>
public static class AuditFlags
{
    /// <summary>The audited model is the model in the device's field reports in the hour before and the hour after the audit.</summary>
    public const string FieldModelMatches = "field_model_matches";

    /// <summary>Items repeated under new ids gave identical outputs.</summary>
    public const string RepeatsIdentical = "repeats_identical";

    /// <summary>The audit's latency p95 is consistent with the field-reported <c>inference_p95_ms</c> of the same model, within the stated tolerance.</summary>
    public const string LatencyConsistent = "latency_consistent";

    /// <summary>No answer to the device's part was rejected (late, unsigned, wrong nonce, wrong key, tampered); the detail lists those that were.</summary>
    public const string NoRejectedAnswers = "no_rejected_answers";

    /// <summary>Every flag, in the order results list them.</summary>
    public static IReadOnlyList<string> All { get; } = [FieldModelMatches, RepeatsIdentical, LatencyConsistent, NoRejectedAnswers];
}
