namespace GzAiEdge.Scenarios.Kpis;

/// <summary>Where an <see cref="KpiKind.Accuracy"/> KPI's truth comes from (EVALUATION.md): never from the device itself.</summary>
public enum TruthSource
{
    /// <summary>A sealed audit run: a versioned test set whose labels never leave the cloud.</summary>
    Audit,

    /// <summary>Evaluator labels on field samples the device could not choose.</summary>
    FieldAudit,

    /// <summary>Truth that arrives later, such as a meter reading after a forecast.</summary>
    LaterTruth,
}
