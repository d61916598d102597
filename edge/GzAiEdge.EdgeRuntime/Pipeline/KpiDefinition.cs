namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>
/// A KPI as the edge computes it: its name in the report, the sample it reads and the aggregation.
/// <see cref="Aggregation.Ratio"/> also reads <paramref name="Denominator"/>.
/// </summary>
public sealed record KpiDefinition(string Name, string SampleName, Aggregation Aggregation, string? Denominator = null);
