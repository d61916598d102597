namespace GzAiEdge.Contracts.Api;

/// <summary>One cloud instance's ingestion counters since it started, as the cloud API returns them.</summary>
/// <param name="Batches">Batches written to InfluxDB and acknowledged.</param>
/// <param name="Stored">Messages stored.</param>
/// <param name="DeadLettered">Messages refused into the dead-letter store (those over quota included).</param>
public sealed record IngestionStatsView(long Batches, long Stored, long DeadLettered)
{
    /// <summary>Messages dead-lettered for being over their device's quota, per device (<c>site/device</c>); only devices that went over.</summary>
    public IReadOnlyDictionary<string, long> OverQuota { get; init; } = new Dictionary<string, long>();
}
