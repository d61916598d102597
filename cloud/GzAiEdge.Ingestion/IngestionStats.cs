namespace GzAiEdge.Ingestion;

/// <summary>
/// What this ingestion instance has done since it started. Counted once a batch is acknowledged,
/// so the numbers describe stored work, never work in flight.
/// </summary>
public sealed class IngestionStats
{
    private long _batches;
    private long _stored;
    private long _deadLettered;

    public long Batches => Interlocked.Read(ref _batches);

    public long Stored => Interlocked.Read(ref _stored);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public void BatchAcknowledged(int stored, int deadLettered)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _stored, stored);
        Interlocked.Add(ref _deadLettered, deadLettered);
    }
}
