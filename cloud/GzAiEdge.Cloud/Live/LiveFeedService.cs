using GzAiEdge.Cloud.Ingestion;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Live;

/// <summary>
/// This instance's own view of all device traffic, for the dashboard and alerts. Unlike ingestion it
/// subscribes without a share group and with a clean session, so every instance sees every message
/// (ingestion instances split them) and nothing piles up for it at the broker while it is down.
/// </summary>
public sealed class LiveFeedService(
    LiveMessageHandler handler,
    LiveClient live,
    IOptions<IngestionOptions> broker,
    ILogger<LiveFeedService> logger,
    ILogger<MqttClient> mqttLogger) : BackgroundService
{
    public const string DeviceFilter = "gz/v1/+/+/+";
    public const string AlertTopic = "gz/v1/alerts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = broker.Value;
        await using var client = new MqttClient(
            new MqttClientOptions
            {
                Host = o.BrokerHost,
                Port = o.BrokerPort,
                ClientId = $"{o.ClientId}-live-{Environment.ProcessId}",
                CleanStart = true,
                Username = o.Username,
                Password = o.Password,
                Tls = o.CaFile is { Length: > 0 } ca ? new MqttTlsOptions { CaFile = ca } : null,
                ReceiveMaximum = 1000,
            },
            mqttLogger);
        await client.ConnectUntilConnectedAsync((ex, delay) => LiveLog.ConnectFailed(logger, ex.Message, delay), stoppingToken);

        // No Local on the alert topic: this instance shows its own alerts directly, others' through the broker.
        var codes = await client.SubscribeAsync(
            [new MqttSubscription(DeviceFilter), new MqttSubscription(AlertTopic) { NoLocal = true }], stoppingToken);
        if (codes.Any(c => c >= MqttReasonCode.UnspecifiedError))
        {
            throw new InvalidOperationException(
                $"the broker refused the live feed's subscriptions {DeviceFilter}, {AlertTopic}: {string.Join(", ", codes)}; check the ACL of user '{o.Username}'");
        }

        LiveLog.Subscribed(logger, $"{DeviceFilter}, {AlertTopic}");
        live.SetConnected(client);
        await foreach (var message in client.Messages.ReadAllAsync(stoppingToken))
        {
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
}
