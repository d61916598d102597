using System.Threading.Channels;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion;

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
    private const int PollMilliseconds = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            IngestionLog.Disabled(logger);
            return;
        }

        await connection.ConnectAndSubscribeAsync(stoppingToken);
        var batch = new IngestionBatch(options.Value.BatchSize);
        var messages = connection.Client.Messages;
        while (!stoppingToken.IsCancellationRequested)
        {
            batch.Clear();
            batch.Messages.Add(await messages.ReadAsync(stoppingToken));
            await FillAsync(messages, batch.Messages, stoppingToken);
            await processor.ProcessAsync(batch, stoppingToken);
            IngestionLog.BatchDone(logger, batch.Messages.Count);
        }
    }

    // Takes what is waiting, then looks again every few milliseconds until the batch is full or the
    // flush interval is over: under load batches are full and writes few; when quiet a message waits at
    // most the flush interval. Looking, rather than waiting for each message, wakes this loop a few times
    // per batch instead of once per message, which at tens of thousands of messages a second is most of its CPU.
    private async Task FillAsync(ChannelReader<MqttReceivedMessage> messages, List<MqttReceivedMessage> batch, CancellationToken stoppingToken)
    {
        var deadline = Environment.TickCount64 + options.Value.FlushMilliseconds;
        while (true)
        {
            while (batch.Count < options.Value.BatchSize && messages.TryRead(out var message))
            {
                batch.Add(message);
            }

            var left = deadline - Environment.TickCount64;
            if (batch.Count >= options.Value.BatchSize || left <= 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(left, PollMilliseconds)), stoppingToken);
        }
    }
}
