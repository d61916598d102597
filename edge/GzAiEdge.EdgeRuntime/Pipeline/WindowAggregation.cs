namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>
/// How a KPI is computed from the samples of one window on the device (a scenario type's <c>aggregation</c> then
/// combines the window values over an evaluated period).
/// </summary>
public enum WindowAggregation
{
    /// <summary>How many samples arrived.</summary>
    Count,

    /// <summary>Samples per hour over the window length (a flow).</summary>
    CountPerHour,

    /// <summary>Samples per second over the window length (a throughput).</summary>
    CountPerSecond,

    /// <summary>Sum of values.</summary>
    Sum,

    /// <summary>Mean of values; with 0/1 values, a rate.</summary>
    Mean,

    /// <summary>Smallest value.</summary>
    Min,

    /// <summary>Largest value.</summary>
    Max,

    /// <summary>Median of values (linear interpolation between closest ranks).</summary>
    P50,

    /// <summary>95th percentile of values.</summary>
    P95,

    /// <summary>99th percentile of values.</summary>
    P99,

    /// <summary>Sum of values over the sum of the definition's denominator sample (a precision, a recall, an F1).</summary>
    Ratio,
}
