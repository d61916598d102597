namespace GzAiEdge.Scenarios.Kpis;

/// <summary>The text forms of <see cref="KpiKind"/> and <see cref="TruthSource"/> used in files, documents and the API.</summary>
public static class KpiNames
{
    /// <summary><c>monitoring</c>, <c>service</c>, <c>accuracy</c>, <c>diagnostic</c> or <c>outcome</c>.</summary>
    public static string Text(this KpiKind kind) => kind switch
    {
        KpiKind.Monitoring => "monitoring",
        KpiKind.Service => "service",
        KpiKind.Accuracy => "accuracy",
        KpiKind.Diagnostic => "diagnostic",
        KpiKind.Outcome => "outcome",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary><c>audit</c>, <c>field-audit</c> or <c>later-truth</c>.</summary>
    public static string Text(this TruthSource source) => source switch
    {
        TruthSource.Audit => "audit",
        TruthSource.FieldAudit => "field-audit",
        TruthSource.LaterTruth => "later-truth",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
