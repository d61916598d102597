using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Broker;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// This instance's own view of all device traffic, for the dashboard and alerts. Unlike ingestion it
/// subscribes without a share group and with a clean session, so every instance sees every message
/// (ingestion instances split them) and nothing piles up for it at the broker while it is down.
/// It subscribes, and after a reconnect subscribes again, only once this instance's ingestion holds
/// its shared subscription (<see cref="IngestionConnection.WhenSubscribedAsync"/> says why).
/// </summary>
public sealed class LiveFeedService(
    LiveMessageHandler handler,
    LiveClient live,
    IngestionConnection ingestion,
    IOptions<CloudBrokerOptions> broker,
    IOptions<LiveFeedOptions> options,
    ILogger<LiveFeedService> logger,
    ILogger<MqttClient> mqttLogger) : BackgroundService
{
    public const string DeviceFilter = "gz/v1/+/+/+";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LiveLog.Disabled(logger);
            return;
        }

        var o = broker.Value;
        o.WarnIfPlaintextAllowed(logger, "The live feed");
        var username = o.Live.Username;

        // Clean start: nothing piles up for the feed while this instance is down. Without a username the id is this
        // process's own, so that several instances on one anonymous broker do not take each other's connection.
        await using var client = new MqttClient(
            o.ClientOptions(o.Live, $"gz-live-{Environment.ProcessId}") with
            {
                CleanStart = true,
                ReceiveMaximum = 1000,
                RestoreSubscriptions = false,
            },
            mqttLogger);
        var reconnected = new SemaphoreSlim(0);
        client.ConnectionStateChanged += (_, e) =>
        {
            if (e.IsConnected)
            {
                reconnected.Release();
            }
        };
        await client.ConnectUntilConnectedAsync((ex, delay) => LiveLog.ConnectFailed(logger, ex.Message, delay), stoppingToken);
        await reconnected.WaitAsync(stoppingToken);
        await SubscribeUntilAnsweredAsync(client, username, stoppingToken);
        live.SetConnected(client);
        _ = ResubscribeOnReconnectAsync(client, reconnected, username, stoppingToken);
        await foreach (var message in client.Messages.ReadAllAsync(stoppingToken))
        {
            // Released once handled: the handler copies out what it keeps, so its buffer serves the next message.
            using var handled = message;
            try
            {
                await handler.HandleAsync(message.Topic, message.Payload, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad message must not end the dashboard's feed.
                LiveLog.HandlerFailed(logger, message.Topic, ex);
            }
        }
    }

    // No Local on the other areas' topics (alerts): this instance shows its own directly, others' through the broker.
    private async Task SubscribeAsync(MqttClient client, string? username, CancellationToken cancellationToken)
    {
        await ingestion.WhenSubscribedAsync(cancellationToken);
        MqttSubscription[] subscriptions = [new(DeviceFilter), .. handler.OtherTopics.Select(t => new MqttSubscription(t) { NoLocal = true })];
        var filters = string.Join(", ", subscriptions.Select(s => s.TopicFilter));
        var codes = await client.SubscribeAsync(subscriptions, cancellationToken);
        if (codes.Any(c => c >= MqttReasonCode.UnspecifiedError))
        {
            throw new InvalidOperationException(
                $"the broker refused the live feed's subscriptions {filters}: {string.Join(", ", codes)}; check the ACL of user '{username}' (Broker:Live:Username)");
        }

        LiveLog.Subscribed(logger, filters);
    }

    // The client gives a subscription up after the connection was lost under it a few times (a broker may refuse one
    // by closing the connection): the feed has nothing to show without it, so it says why and asks again on the next
    // connection, which the client's growing reconnect backoff spaces out.
    private async Task SubscribeUntilAnsweredAsync(MqttClient client, string? username, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await SubscribeAsync(client, username, cancellationToken);
                return;
            }
            catch (MqttException ex)
            {
                LiveLog.ResubscribeFailed(logger, ex);
            }
        }
    }

    // A clean session keeps no subscriptions: after each reconnect, subscribe again behind ingestion.
    private async Task ResubscribeOnReconnectAsync(MqttClient client, SemaphoreSlim reconnected, string? username, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await reconnected.WaitAsync(cancellationToken);
                await SubscribeAsync(client, username, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Nothing awaits this loop: whatever failed, log it and wait for the next reconnect,
                // or the dashboard would stop updating without a word.
                LiveLog.ResubscribeFailed(logger, ex);
            }
        }
    }
}
