using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Mqtt;

namespace GzAiEdge.Ingestion;

/// <summary>
/// Stores one batch and then acknowledges it. The order matters: dead letters and points are made
/// durable first, acknowledgements go last, so that whatever fails, the broker still holds every
/// message not yet stored. A batch that cannot be stored is retried until it can; meanwhile the
/// MQTT client's bounded channel fills, its read loop stops, and the broker keeps the rest.
/// </summary>
public sealed class BatchProcessor(
    BatchEncoder encoder,
    BatchWriter writer,
    IDeadLetterStore deadLetters,
    IngestionConnection connection,
    IngestionStats stats,
    IngestionMetrics metrics,
    TimeProvider time,
    ILogger<BatchProcessor> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public async Task ProcessAsync(IngestionBatch batch, CancellationToken cancellationToken)
    {
        encoder.Encode(batch);
        IReadOnlyList<DeadLetter> refused = [];
        var started = time.GetTimestamp();
        await UntilDoneAsync(async ct => refused = await writer.WriteAsync(batch, ct), "InfluxDB write", "influxdb", cancellationToken);
        metrics.BatchWritten(time.GetElapsedTime(started));
        batch.Rejected.AddRange(refused);
        await UntilDoneAsync(ct => deadLetters.AddAllAsync(batch.Rejected, ct), "dead-letter store", "dead-letters", cancellationToken);
        try
        {
            // One call for the whole batch: its PUBACKs go out together, in receive order.
            await connection.Client.AcknowledgeAsync(batch.Messages, cancellationToken);
        }
        catch (Exception ex) when (ex is MqttException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The connection went while acknowledging: the broker hands the unacknowledged rest out
            // again, and storing it again lands on the same points. Nothing to undo, nothing lost.
            IngestionLog.AcknowledgeLost(logger, batch.Messages.Count, ex.Message);
            return;
        }

        stats.BatchAcknowledged(batch.Messages.Count - batch.Rejected.Count, batch.Rejected);
    }

    // Storage being down is expected (InfluxDB restarts, disks fill): wait and try again, never give up
    // on a batch, because giving up would mean acknowledging what was not stored.
    private async Task UntilDoneAsync(Func<CancellationToken, Task> step, string what, string store, CancellationToken cancellationToken)
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
                metrics.StoreFailed(store);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
