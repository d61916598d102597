namespace GzAiEdge.Edge.Pipeline;

/// <summary>How a KPI is computed from the samples of one window.</summary>
public enum Aggregation
{
    /// <summary>How many samples arrived.</summary>
    Count,

    /// <summary>Samples per hour over the window length (a flow).</summary>
    CountPerHour,

    /// <summary>Sum of values.</summary>
    Sum,

    /// <summary>Mean of values; with 0/1 values, a rate.</summary>
    Mean,

    /// <summary>Smallest value.</summary>
    Min,

    /// <summary>Largest value.</summary>
    Max,
}
