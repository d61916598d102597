namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>
/// A message ingestion could not accept (invalid report, failed signature, data InfluxDB refused),
/// kept with the reason so that nothing is dropped silently.
/// </summary>
/// <param name="Id">Assigned by the store, in the order letters arrive; pass 0 when adding.</param>
/// <param name="ReceivedAt">When ingestion received the message, in UTC.</param>
/// <param name="Payload">The message bytes exactly as received.</param>
public sealed record DeadLetter(long Id, DateTimeOffset ReceivedAt, string Topic, string Reason, byte[] Payload);
