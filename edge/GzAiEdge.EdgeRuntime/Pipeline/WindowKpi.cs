namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>
/// A KPI as one window computes it: its key in the report (from the KPI catalogue), the sample it reads and the aggregation.
/// <see cref="WindowAggregation.Ratio"/> also reads <paramref name="Denominator"/>.
/// </summary>
public sealed record WindowKpi(string Name, string SampleName, WindowAggregation Aggregation, string? Denominator = null);
