namespace GzAiEdge.Edge.Pipeline;

/// <summary>A KPI as the edge computes it: its name in the report, the sample it reads and the aggregation.</summary>
public sealed record KpiDefinition(string Name, string SampleName, Aggregation Aggregation);
