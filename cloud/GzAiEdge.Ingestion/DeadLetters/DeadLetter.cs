namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>
/// A message ingestion could not accept (invalid report, failed signature, data InfluxDB refused),
/// kept with the reason so that nothing is dropped silently.
/// </summary>
/// <param name="Id">Assigned by the store, in the order letters arrive; pass 0 when adding.</param>
/// <param name="ReceivedAt">When ingestion received the message, in UTC.</param>
/// <param name="Payload">
/// The message bytes as received; as stored, at most <see cref="DeadLetterOptions.MaxPayloadBytes"/> of them
/// (<see cref="Truncated"/>), with the whole payload's <see cref="PayloadLength"/> and <see cref="PayloadSha256"/>.
/// </param>
public sealed record DeadLetter(long Id, DateTimeOffset ReceivedAt, string Topic, string Reason, byte[] Payload)
{
    /// <summary>Length of the payload as received; set by the store (it is <see cref="Payload"/>'s length when adding).</summary>
    public long PayloadLength { get; init; } = Payload.LongLength;

    /// <summary>SHA-256 of the payload as received (lowercase hex); set by the store.</summary>
    public string? PayloadSha256 { get; init; }

    /// <summary>Whether the store kept only the start of the payload.</summary>
    public bool Truncated => Payload.LongLength < PayloadLength;
}

/// <summary>What the dead-letter store holds and what its retention removed since it was created.</summary>
/// <param name="Count">Letters held.</param>
/// <param name="Bytes">Bytes they count against <see cref="DeadLetterOptions.MaxTotalBytes"/> (stored payload, topic and reason).</param>
/// <param name="PrunedByAge">Letters removed for being older than <see cref="DeadLetterOptions.MaxAgeDays"/>.</param>
/// <param name="PrunedBySize">Letters removed, oldest first, to keep the store within <see cref="DeadLetterOptions.MaxTotalBytes"/>.</param>
/// <param name="PrunedBytes">Bytes the removed letters counted.</param>
public sealed record DeadLetterStats(long Count, long Bytes, long PrunedByAge, long PrunedBySize, long PrunedBytes);
