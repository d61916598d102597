using System.Threading.Channels;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Mqtt;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.EdgeRuntime.Services;

/// <summary>
/// Two loops around the outbox. The store loop moves every built report from the pipeline's channel
/// into the outbox at once (numbered, chained, signed, on disk), whatever the broker is doing. The
/// publish loop sends the outbox in order at QoS 1 and removes a message only when the broker has
/// acknowledged it; after a reconnect or a restart it simply starts again from the oldest message.
/// </summary>
public sealed class PublisherService(
    EdgeConnection connection,
    Outbox outbox,
    ChannelReader<KpiReport> reports,
    TimeProvider time,
    ILogger<PublisherService> logger) : BackgroundService
{
    // Publishes in flight at once: the client keeps them in order; enough to replay a backlog quickly.
    private const int Window = 32;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NoSubscriberRetry = TimeSpan.FromSeconds(1);

    private enum Outcome
    {
        Done,
        NoSubscriber,
        Failed,
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        EdgeLog.OutboxOpened(logger, outbox.Path, outbox.Depth, outbox.LastSeq, outbox.Evicted);
        var storing = StoreLoopAsync(stoppingToken);
        await connection.ConnectAsync(stoppingToken);
        await PublishLoopAsync(stoppingToken);
        await storing;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Windows closed before the stop are stored, and the head is attested, so the next start
        // (or the verifier) sees exactly where this run ended.
        while (reports.TryRead(out var report))
        {
            TryStore(report);
        }

        outbox.AppendCheckpoint();
        await FlushAsync(cancellationToken);
        await connection.GoOfflineAsync(cancellationToken);
    }

    private async Task StoreLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var report in reports.ReadAllAsync(stoppingToken))
            {
                var delay = TimeSpan.FromMilliseconds(200);
                while (!TryStore(report, delay))
                {
                    await Task.Delay(delay, time, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync stores what is left in the channel.
        }
    }

    // A full disk or an I/O error fails the transaction as a whole: nothing half-stored, retry later.
    private bool TryStore(KpiReport report, TimeSpan? retryIn = null)
    {
        try
        {
            var (stored, eviction) = outbox.Append(report);
            EdgeLog.ReportStored(logger, stored.Seq, stored.WindowEnd);
            if (eviction is { } e)
            {
                EdgeLog.Evicted(logger, e.Why, e.FirstSeq, e.LastSeq, e.Reports, e.Messages);
            }

            return true;
        }
        catch (SqliteException ex)
        {
            EdgeLog.StoreFailed(logger, outbox.Path, ex.Message, retryIn ?? TimeSpan.Zero);
            return false;
        }
    }

    private async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            // While the broker is away the messages stay only in the outbox, so that a bound that evicts
            // them evicts them for good (the verifier then reports exactly what the outbox counted).
            while (!connection.Client.IsConnected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, stoppingToken);
            }

            var batch = outbox.HandOut(Window);
            if (batch.Count == 0)
            {
                await outbox.WaitForMessagesAsync(stoppingToken);
                continue;
            }

            switch (await PublishWhileConnectedAsync(batch, delay, stoppingToken))
            {
                case Outcome.Done:
                    delay = TimeSpan.FromMilliseconds(200);
                    continue;
                case Outcome.NoSubscriber:
                    await Task.Delay(NoSubscriberRetry, time, stoppingToken);
                    continue;
                default:
                    await Task.Delay(delay, time, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
                    break;
            }
        }
    }

    private async Task<Outcome> PublishWhileConnectedAsync(IReadOnlyList<OutboxMessage> batch, TimeSpan retryIn, CancellationToken stoppingToken)
    {
        using var connected = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        void OnChange(object? sender, MqttConnectionStateChangedEventArgs e)
        {
            if (!e.IsConnected)
            {
                connected.Cancel();
            }
        }

        connection.Client.ConnectionStateChanged += OnChange;
        try
        {
            return await PublishAsync(batch, retryIn, connected.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Disconnected: what was not acknowledged is still in the outbox and goes again.
            return Outcome.Failed;
        }
        finally
        {
            connection.Client.ConnectionStateChanged -= OnChange;
        }
    }

    // All of the batch goes to the client at once (it sends them in order); each is removed as its PUBACK comes.
    // A failed publish is tried again after retryIn, the publish loop's current backoff.
    // "No matching subscribers" (0x10) means the broker took the message and gave it to nobody: after a
    // Mosquitto 2.0 restart the shared subscription of ingestion is gone until ingestion subscribes again
    // (the broker does not persist shared subscriptions). Such a message stays in the outbox and goes again.
    private async Task<Outcome> PublishAsync(IReadOnlyList<OutboxMessage> batch, TimeSpan retryIn, CancellationToken cancellationToken)
    {
        var sends = batch.Select(m => connection.Client.PublishAsync(new MqttApplicationMessage(m.Topic, m.Payload), cancellationToken)).ToList();
        var outcome = Outcome.Done;
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                if (await sends[i] == MqttReasonCode.NoMatchingSubscribers)
                {
                    EdgeLog.NoSubscriber(logger, batch[i].Topic, batch[i].Id, NoSubscriberRetry);
                    outcome = outcome == Outcome.Done ? Outcome.NoSubscriber : outcome;
                    continue;
                }

                outbox.Remove(batch[i]);
                EdgeLog.ReportPublished(logger, batch[i].Topic, batch[i].Id);
            }
            catch (MqttException ex)
            {
                EdgeLog.PublishFailed(logger, batch[i].Topic, batch[i].Id, ex.Message, retryIn);
                outcome = Outcome.Failed;
            }
        }

        return outcome;
    }

    // At a clean stop: give the broker a moment to take what is left (the checkpoint above, typically).
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!connection.Client.IsConnected)
        {
            return;
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(EdgeConnection.OfflineBound);
        try
        {
            var batch = outbox.HandOut(Window);
            if (batch.Count > 0)
            {
                await PublishAsync(batch, TimeSpan.Zero, bound.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // What was not acknowledged stays in the outbox for the next start.
        }
    }
}
