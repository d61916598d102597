using GzAiEdge.Contracts.Topics;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Ingestion;

/// <summary>
/// The ingestion instance's MQTT connection: manual acknowledgement, and a persistent session
/// (clean start off, long expiry) so that the broker keeps unacknowledged messages across a crash
/// of this instance and hands them out again when it returns.
/// </summary>
public sealed class IngestionConnection : IAsyncDisposable
{
    private readonly ILogger<IngestionConnection> _logger;

    public IngestionConnection(IOptions<IngestionOptions> options, ILogger<IngestionConnection> logger, ILogger<MqttClient> mqttLogger)
    {
        _logger = logger;
        var o = options.Value;
        Client = new MqttClient(
            new MqttClientOptions
            {
                Host = o.BrokerHost,
                Port = o.BrokerPort,
                ClientId = o.ClientId,
                CleanStart = false,
                SessionExpiryIntervalSeconds = (uint)TimeSpan.FromDays(7).TotalSeconds,
                Username = o.Username,
                Password = o.Password,
                Tls = o.CaFile is { Length: > 0 } ca ? new MqttTlsOptions { CaFile = ca } : null,
                ReceiveMaximum = (ushort)Math.Clamp(o.ReceiveMaximum, 1, ushort.MaxValue),
                ManualAcknowledgement = true,
            },
            mqttLogger);
    }

    public MqttClient Client { get; }

    public async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                var result = await Client.ConnectAsync(cancellationToken);

                // Subscribing again to a subscription the resumed session holds replaces it; cheaper
                // than reasoning about which sessions the broker kept.
                await Client.SubscribeAsync([new MqttSubscription(GzTopic.IngestionSubscription)], cancellationToken);

                IngestionLog.Subscribed(_logger, GzTopic.IngestionSubscription, result.SessionPresent);
                return;
            }
            catch (MqttException ex)
            {
                IngestionLog.ConnectFailed(_logger, ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
