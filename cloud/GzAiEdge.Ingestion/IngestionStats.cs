using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Ingestion.Quota;

namespace GzAiEdge.Ingestion;

/// <summary>
/// What this ingestion instance has done since it started. Counted once a batch is acknowledged,
/// so the numbers describe stored work, never work in flight.
/// </summary>
public sealed class IngestionStats
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _overQuota = new(StringComparer.Ordinal);
    private long _batches;
    private long _stored;
    private long _deadLettered;
    private long _overQuotaLetters;
    private long _storageRefused;

    public long Batches => Interlocked.Read(ref _batches);

    public long Stored => Interlocked.Read(ref _stored);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Messages dead-lettered for one of <see cref="IngestionMetrics"/>' reasons.</summary>
    public long DeadLetteredBy(string reason) => reason switch
    {
        IngestionMetrics.OverQuota => Interlocked.Read(ref _overQuotaLetters),
        IngestionMetrics.StorageRefused => Interlocked.Read(ref _storageRefused),
        _ => DeadLettered - Interlocked.Read(ref _overQuotaLetters) - Interlocked.Read(ref _storageRefused),
    };

    /// <summary>Messages dead-lettered as over quota, per device (<c>site/device</c>), a copy.</summary>
    public IReadOnlyDictionary<string, long> OverQuota
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_overQuota, StringComparer.Ordinal);
            }
        }
    }

    public void BatchAcknowledged(int stored, IReadOnlyList<DeadLetter> deadLetters)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _stored, stored);
        Interlocked.Add(ref _deadLettered, deadLetters.Count);
        foreach (var letter in deadLetters)
        {
            var reason = IngestionMetrics.ReasonOf(letter);
            if (reason == IngestionMetrics.StorageRefused)
            {
                Interlocked.Increment(ref _storageRefused);
            }
            else if (reason == IngestionMetrics.OverQuota)
            {
                Interlocked.Increment(ref _overQuotaLetters);
            }

            if (letter.Reason.StartsWith(QuotaReason.Prefix, StringComparison.Ordinal) && QuotaReason.DeviceOf(letter.Topic) is { } device)
            {
                lock (_gate)
                {
                    _overQuota[device] = _overQuota.GetValueOrDefault(device) + 1;
                }
            }
        }
    }
}
