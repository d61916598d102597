using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Ingestion.Quota;
using GzAiEdge.Mqtt;

namespace GzAiEdge.Ingestion;

/// <summary>
/// Turns a batch of messages into one line protocol body. A message over its device's quota is dead-lettered first
/// (<see cref="DeviceQuota"/>), so a flooding device costs little more than its count; then KPI reports go by the hot path
/// (<see cref="KpiLineWriter"/>), everything else, and every report the hot path leaves, through
/// <see cref="MessageMapper"/>, which stores it the same way or says why not. Not thread-safe.
/// </summary>
public sealed class BatchEncoder(MessageMapper mapper, KpiLineWriter kpis, DeviceQuota quota, TimeProvider time, ILogger<BatchEncoder> logger)
{
    public void Encode(IngestionBatch batch)
    {
        var messages = batch.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (quota.Check(message.Topic, message.Payload.Length) is not QuotaVerdict.Allowed and var verdict)
            {
                OverQuota(batch, message, verdict);
                continue;
            }

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

    // Kept whole, like every dead letter; logged once as the device goes over (a flood would otherwise flood the log too).
    private void OverQuota(IngestionBatch batch, MqttReceivedMessage message, QuotaVerdict verdict)
    {
        var reason = quota.Reason(verdict, message.Payload.Length);
        if (quota.StartedRefusing)
        {
            IngestionLog.OverQuota(logger, message.Topic, reason);
        }

        batch.Rejected.Add(new DeadLetter(0, time.GetUtcNow(), message.Topic, reason, message.Payload.ToArray()));
    }
}
