using GzAiEdge.Cloud.DeadLetters;
using GzAiEdge.Cloud.TimeSeries;
using GzAiEdge.Mqtt;

namespace GzAiEdge.Cloud.Ingestion;

/// <summary>
/// Stores one batch and then acknowledges it. The order matters: dead letters and points are made
/// durable first, acknowledgements go last, so that whatever fails, the broker still holds every
/// message not yet stored. A batch that cannot be stored is retried until it can; meanwhile the
/// broker's flow control (receive maximum) stops sending more.
/// </summary>
public sealed class BatchProcessor(
    MessageMapper mapper,
    BatchWriter writer,
    IDeadLetterStore deadLetters,
    IngestionConnection connection,
    IngestionStats stats,
    TimeProvider time,
    ILogger<BatchProcessor> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public async Task ProcessAsync(IReadOnlyList<MqttReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var points = new List<(MqttReceivedMessage Message, LinePoint Point)>(batch.Count);
        var rejected = new List<DeadLetter>();
        foreach (var message in batch)
        {
            var mapped = mapper.Map(message.Topic, message.Payload.Span);
            if (mapped.Point is { } point)
            {
                points.Add((message, point));
            }
            else
            {
                rejected.Add(ToDeadLetter(message, mapped.DeadLetterReason!));
            }
        }

        await UntilDoneAsync(async ct => rejected.AddRange(await writer.WriteAsync(points, ct)), "InfluxDB write", cancellationToken);
        await UntilDoneAsync(ct => StoreDeadLettersAsync(rejected, ct), "dead-letter store", cancellationToken);
        try
        {
            foreach (var message in batch)
            {
                await connection.Client.AcknowledgeAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is MqttException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The connection went while acknowledging: the broker hands the unacknowledged rest out
            // again, and storing it again lands on the same points. Nothing to undo, nothing lost.
            IngestionLog.AcknowledgeLost(logger, batch.Count, ex.Message);
            return;
        }

        stats.BatchAcknowledged(batch.Count - rejected.Count, rejected.Count);
    }

    private DeadLetter ToDeadLetter(MqttReceivedMessage message, string reason)
    {
        IngestionLog.DeadLettered(logger, message.Topic, reason);
        return new DeadLetter(0, time.GetUtcNow(), message.Topic, reason, message.Payload.ToArray());
    }

    private async Task StoreDeadLettersAsync(List<DeadLetter> rejected, CancellationToken cancellationToken)
    {
        foreach (var letter in rejected)
        {
            await deadLetters.AddAsync(letter, cancellationToken);
        }
    }

    // Storage being down is expected (InfluxDB restarts, disks fill): wait and try again, never give up
    // on a batch, because giving up would mean acknowledging what was not stored.
    private async Task UntilDoneAsync(Func<CancellationToken, Task> step, string what, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await step(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                IngestionLog.StepFailed(logger, what, ex.Message, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
