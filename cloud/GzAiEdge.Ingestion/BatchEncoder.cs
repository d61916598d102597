using GzAiEdge.Ingestion.DeadLetters;

namespace GzAiEdge.Ingestion;

/// <summary>
/// Turns a batch of messages into one line protocol body: KPI reports by the hot path
/// (<see cref="KpiLineWriter"/>), everything else, and every report the hot path leaves, through
/// <see cref="MessageMapper"/>, which stores it the same way or says why not. Not thread-safe.
/// </summary>
public sealed class BatchEncoder(MessageMapper mapper, KpiLineWriter kpis, TimeProvider time, ILogger<BatchEncoder> logger)
{
    public void Encode(IngestionBatch batch)
    {
        var messages = batch.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var start = batch.Lines.Length;
            if (kpis.TryWrite(message.Topic, message.Payload.Span, batch.Output))
            {
                batch.Stored(i, start);
                continue;
            }

            var mapped = mapper.Map(message.Topic, message.Payload.Span);
            if (mapped.Point is { } point)
            {
                try
                {
                    batch.Writer.Write(point);
                    batch.Stored(i, start);
                    continue;
                }
                catch (ArgumentException ex)
                {
                    // The writer checks a whole point before writing any of it, so nothing is left behind.
                    mapped = Mapped.Reject($"cannot be written as line protocol: {ex.Message}");
                }
            }

            IngestionLog.DeadLettered(logger, message.Topic, mapped.DeadLetterReason!);
            batch.Rejected.Add(new DeadLetter(0, time.GetUtcNow(), message.Topic, mapped.DeadLetterReason!, message.Payload.ToArray()));
        }
    }
}
