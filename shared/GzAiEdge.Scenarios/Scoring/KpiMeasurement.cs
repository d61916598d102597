namespace GzAiEdge.Scenarios.Scoring;

/// <summary>A KPI aggregated over the period.</summary>
/// <param name="Value">The aggregate; null when no used report carried the KPI.</param>
/// <param name="Reports">Used reports that carried the KPI.</param>
public sealed record KpiMeasurement(double? Value, long Reports);
