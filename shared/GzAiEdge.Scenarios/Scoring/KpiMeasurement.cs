namespace GzAiEdge.Scenarios.Scoring;

/// <summary>A KPI measured over the period, with what a reader needs to trust it.</summary>
/// <param name="Value">The aggregate; null when missing.</param>
/// <param name="Reports">Used reports that carried the KPI; for a KPI the cloud computes, the reports it was computed from.</param>
/// <param name="Interval">The 95% confidence interval of <paramref name="Value"/> when it is an estimate (an audit metric); null when it was measured from all the data.</param>
/// <param name="Coverage">Share of the listed devices the value stands for, 0–1; the KPI's points are scaled by it (a device without an audit counts 0).</param>
/// <param name="Source">What the value was computed from, or why it is missing, in words; null for a device-reported aggregate.</param>
/// <param name="Provisional">Why the result cannot be final while this KPI stands as it does (an audit not yet run); null when it can.</param>
public sealed record KpiMeasurement(double? Value, long Reports, Interval? Interval = null, double Coverage = 1, string? Source = null, string? Provisional = null);
