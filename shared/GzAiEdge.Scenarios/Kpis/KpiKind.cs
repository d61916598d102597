namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// What a KPI measures, and so whether a score may use it (EVALUATION.md, "KPI kinds"): a score measures the AI
/// demonstration, never the world it watches, and nothing a device says about its own accuracy is scored.
/// </summary>
public enum KpiKind
{
    /// <summary>Describes the world the device watches (vehicle flow, defect rate, SpO2, alerts); shown and alerted on, never scored.</summary>
    Monitoring,

    /// <summary>How well the demonstration runs (latency, throughput, uptime, completeness); platform-measured or cross-checked in audits.</summary>
    Service,

    /// <summary>How right the AI is, against truth the device never sees; names its <see cref="TruthSource"/>.</summary>
    Accuracy,

    /// <summary>Accuracy the device computes from ground truth it holds itself (labelled replay); shown, never scored.</summary>
    Diagnostic,

    /// <summary>The change of a declared outcome measure against a baseline; scored when the scenario declares it.</summary>
    Outcome,
}
