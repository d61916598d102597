namespace GzAiEdge.Contracts.Api;

/// <summary>One cloud instance's ingestion counters since it started, as the cloud API returns them.</summary>
/// <param name="Batches">Batches written to InfluxDB and acknowledged.</param>
/// <param name="Stored">Messages stored.</param>
/// <param name="DeadLettered">Messages refused into the dead-letter store.</param>
public sealed record IngestionStatsView(long Batches, long Stored, long DeadLettered);
