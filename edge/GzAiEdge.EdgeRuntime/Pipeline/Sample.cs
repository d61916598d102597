namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>One observation from a source: a detected vehicle's speed, an inspection result, a vital sign.</summary>
public readonly record struct Sample(DateTimeOffset Time, string Name, double Value);
