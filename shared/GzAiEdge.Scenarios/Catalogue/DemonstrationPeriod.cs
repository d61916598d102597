namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>A time range in UTC, <paramref name="From"/> inclusive, <paramref name="To"/> exclusive.</summary>
/// <param name="From">First instant in the period.</param>
/// <param name="To">First instant after the period.</param>
public sealed record DemonstrationPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Length of the period.</summary>
    public TimeSpan Length => To - From;
}
