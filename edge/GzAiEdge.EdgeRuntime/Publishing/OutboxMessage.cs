namespace GzAiEdge.EdgeRuntime.Publishing;

/// <summary>One message waiting in the outbox for the broker's acknowledgement.</summary>
/// <param name="Id">Outbox order: messages are published in ascending id.</param>
/// <param name="Seq">The report's seq; null for checkpoints and events.</param>
public sealed record OutboxMessage(long Id, string Topic, byte[] Payload, long? Seq);

/// <summary>Messages the outbox dropped to stay within its bounds: counted, reported, never silent.</summary>
/// <param name="Messages">Messages evicted (reports, checkpoints and events).</param>
/// <param name="FirstSeq">Lowest report seq evicted, if any report was.</param>
/// <param name="LastSeq">Highest report seq evicted, if any report was.</param>
/// <param name="Reports">Reports among them.</param>
/// <param name="Why">Which bound made room necessary.</param>
public sealed record Eviction(long Messages, long? FirstSeq, long? LastSeq, long Reports, string Why);
