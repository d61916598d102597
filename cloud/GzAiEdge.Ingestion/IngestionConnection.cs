using GzAiEdge.Contracts.Topics;
using GzAiEdge.Ingestion.Broker;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion;

/// <summary>
/// The ingestion instance's MQTT connection: manual acknowledgement, and a persistent session
/// (clean start off, long expiry) so that the broker keeps unacknowledged messages across a crash
/// of this instance and hands them out again when it returns.
/// </summary>
public sealed class IngestionConnection : IAsyncDisposable
{
    /// <summary>The client id without <c>Broker:Ingest:ClientId</c> or a username; unique per instance, since the broker keeps a session for each.</summary>
    public const string DefaultClientId = "gz-ingest-1";

    private readonly ILogger<IngestionConnection> _logger;
    private readonly CloudBrokerOptions _broker;
    private readonly string? _username;
    private readonly Lock _gate = new();
    private volatile bool _subscribed;
    private TaskCompletionSource _subscribedNow = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IngestionConnection(IOptions<IngestionOptions> options, IOptions<CloudBrokerOptions> broker, ILogger<IngestionConnection> logger,
        ILogger<MqttClient> mqttLogger)
    {
        _logger = logger;
        _broker = broker.Value;
        _username = _broker.Ingest.Username;
        Client = new MqttClient(
            _broker.ClientOptions(_broker.Ingest, DefaultClientId) with
            {
                CleanStart = false,
                SessionExpiryIntervalSeconds = (uint)TimeSpan.FromDays(7).TotalSeconds,
                ReceiveMaximum = (ushort)Math.Clamp(options.Value.ReceiveMaximum, 1, ushort.MaxValue),
                ManualAcknowledgement = true,
            },
            mqttLogger);
        Client.ConnectionStateChanged += OnConnectionStateChanged;
    }

    public MqttClient Client { get; }

    public async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        _broker.WarnIfPlaintextAllowed(_logger, "Ingestion");
        var result = await Client.ConnectUntilConnectedAsync(
            (ex, delay) => IngestionLog.ConnectFailed(_logger, ex.Message, delay), cancellationToken);

        // Subscribing again to a subscription the resumed session holds replaces it; cheaper than
        // reasoning about which sessions the broker kept.
        var codes = await SubscribeUntilAnsweredAsync(cancellationToken);
        if (codes[0] >= MqttReasonCode.UnspecifiedError)
        {
            // Connected but refused (an ACL, typically): running on would ingest nothing, silently.
            throw new InvalidOperationException(
                $"the broker refused ingestion's subscription to {GzTopic.IngestionSubscription}: {codes[0]} (0x{(byte)codes[0]:X2}); check the ACL of user '{_username}' (Broker:Ingest:Username)");
        }

        IngestionLog.Subscribed(_logger, GzTopic.IngestionSubscription, result.SessionPresent);
        _subscribed = true;
        OpenGate();
    }

    // The client sends a SUBSCRIBE again when the connection drops before the SUBACK, a few times, and then gives up
    // with the reason; ingestion has nothing to do without it, so it says why and asks again on the next connection,
    // which the client's growing reconnect backoff spaces out.
    private async Task<IReadOnlyList<MqttReasonCode>> SubscribeUntilAnsweredAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await Client.SubscribeAsync([new MqttSubscription(GzTopic.IngestionSubscription)], cancellationToken);
            }
            catch (MqttException ex)
            {
                IngestionLog.SubscribeLost(_logger, GzTopic.IngestionSubscription, ex.Message);
            }
        }
    }

    /// <summary>
    /// Completes once ingestion holds its shared subscription on the current connection. Another
    /// subscriber to device topics in this instance (the live feed) subscribes only after this: a
    /// broker that has a matching subscriber acknowledges a device's publish as delivered, so a
    /// plain subscriber alone after a broker restart would let reports be acknowledged that no
    /// ingestion instance receives (Mosquitto 2.0 restores sessions but not shared subscriptions).
    /// </summary>
    public Task WhenSubscribedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _subscribedNow.Task.WaitAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.ConnectionStateChanged -= OnConnectionStateChanged;
        return Client.DisposeAsync();
    }

    // Mosquitto 2.0 resumes the session after a restart but not its shared subscriptions, and says
    // "session present", so the client does not restore them by itself: subscribe again on every
    // reconnect (replacing a subscription that did survive is harmless), and hold the live feed's
    // gate closed until the SUBACK.
    private void OnConnectionStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (!e.IsConnected)
        {
            CloseGate();
        }
        else if (_subscribed)
        {
            _ = ResubscribeAsync();
        }
    }

    private void OpenGate()
    {
        lock (_gate)
        {
            _subscribedNow.TrySetResult();
        }
    }

    private void CloseGate()
    {
        lock (_gate)
        {
            if (_subscribedNow.Task.IsCompleted)
            {
                _subscribedNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private async Task ResubscribeAsync()
    {
        try
        {
            var codes = await Client.SubscribeAsync([new MqttSubscription(GzTopic.IngestionSubscription)], CancellationToken.None);
            if (codes[0] >= MqttReasonCode.UnspecifiedError)
            {
                IngestionLog.ResubscribeFailed(_logger, $"refused: {codes[0]} (0x{(byte)codes[0]:X2})");
                return;
            }

            IngestionLog.Subscribed(_logger, GzTopic.IngestionSubscription, true);
            OpenGate();
        }
        catch (MqttException ex)
        {
            IngestionLog.ResubscribeFailed(_logger, ex.Message);
        }
    }
}
