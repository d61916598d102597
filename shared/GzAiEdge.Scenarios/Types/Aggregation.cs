namespace GzAiEdge.Scenarios.Types;

/// <summary>How a KPI's window values are combined over the evaluated period (computed by InfluxDB, server-side).</summary>
public enum Aggregation
{
    /// <summary>Mean of the window values.</summary>
    Mean,

    /// <summary>Median of the window values.</summary>
    Median,

    /// <summary>5th percentile of the window values (a floor most windows stay above).</summary>
    P5,

    /// <summary>95th percentile of the window values.</summary>
    P95,

    /// <summary>99th percentile of the window values.</summary>
    P99,

    /// <summary>Smallest window value.</summary>
    Min,

    /// <summary>Largest window value.</summary>
    Max,

    /// <summary>Sum of the window values.</summary>
    Sum,

    /// <summary>Sum of the window values per hour of the period (events per hour).</summary>
    Rate,

    /// <summary>The last window value in the period.</summary>
    Last,
}
