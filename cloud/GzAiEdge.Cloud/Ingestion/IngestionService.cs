using System.Threading.Channels;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Ingestion;

/// <summary>
/// Broker → validate → InfluxDB, in batches. A message is acknowledged to the broker only after
/// the batch that holds it was accepted by InfluxDB (or the message was dead-lettered), so a crash
/// or an InfluxDB outage loses nothing: unacknowledged messages stay with the broker's persistent
/// session and come again.
/// </summary>
public sealed class IngestionService(
    IngestionConnection connection,
    BatchProcessor processor,
    IOptions<IngestionOptions> options,
    ILogger<IngestionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await connection.ConnectAndSubscribeAsync(stoppingToken);
        var batch = new List<MqttReceivedMessage>(options.Value.BatchSize);
        var messages = connection.Client.Messages;
        while (!stoppingToken.IsCancellationRequested)
        {
            batch.Clear();
            batch.Add(await messages.ReadAsync(stoppingToken));
            await FillAsync(messages, batch, stoppingToken);
            await processor.ProcessAsync(batch, stoppingToken);
            IngestionLog.BatchDone(logger, batch.Count);
        }
    }

    // Takes what is waiting at once, then waits up to the flush interval for the batch to fill:
    // under load batches are full and writes few; when quiet a message waits at most that long.
    private async Task FillAsync(ChannelReader<MqttReceivedMessage> messages, List<MqttReceivedMessage> batch, CancellationToken stoppingToken)
    {
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        flush.CancelAfter(options.Value.FlushMilliseconds);
        try
        {
            while (batch.Count < options.Value.BatchSize)
            {
                if (messages.TryRead(out var message))
                {
                    batch.Add(message);
                }
                else if (!await messages.WaitToReadAsync(flush.Token))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The flush interval ran out: write what we have.
        }
    }
}
