using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Publishing;

/// <summary>
/// The device's one MQTT connection: a persistent session (so QoS 1 publishes in flight survive a
/// reconnect, and commands queued while the device was away are delivered when it returns), the retained
/// <c>state</c> topic set online on every connect, and a last will that sets it offline when the device vanishes.
/// </summary>
public sealed class EdgeConnection : IAsyncDisposable
{
    /// <summary>How long a clean stop waits for the broker to take the offline state.</summary>
    public static readonly TimeSpan OfflineBound = TimeSpan.FromSeconds(2);

    private readonly EdgeOptions _edge;
    private readonly BrokerOptions _broker;
    private readonly ILogger<EdgeConnection> _logger;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _firstConnect = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EdgeConnection(IOptions<EdgeOptions> edge, IOptions<BrokerOptions> broker, TimeProvider time,
        ILogger<EdgeConnection> logger, ILogger<MqttClient> mqttLogger)
    {
        _edge = edge.Value;
        _logger = logger;
        _time = time;
        var b = _broker = broker.Value;
        Client = new MqttClient(
            new MqttClientOptions
            {
                Host = b.Host,
                Port = b.Port,
                // The name the broker knows the device by; a broker set up by gz provision uses the username as the
                // client id whatever is sent, and gz provision makes that username this same name.
                ClientId = DeviceIdentity.MqttName(_edge.Site, _edge.Device),
                CleanStart = false,
                SessionExpiryIntervalSeconds = (uint)TimeSpan.FromDays(1).TotalSeconds,
                KeepAliveSeconds = (ushort)b.KeepAliveSeconds,
                Username = b.Username,
                Password = b.Password,
                Tls = b.UsesTls ? new MqttTlsOptions { CaFile = b.CaFile, ClientCertificateFile = b.ClientCertificateFile, ClientKeyFile = b.ClientKeyFile } : null,
                Will = new MqttWill(StateTopic, StatePayload(DeviceState.Offline)) { Retain = true },

                // Commands are acknowledged only once the device recorded their id (Commands/CommandLedger), so
                // that one lost in a crash before that is delivered again, and one recorded is never run twice.
                ManualAcknowledgement = true,
            },
            mqttLogger);
        Client.ConnectionStateChanged += OnConnectionStateChanged;
    }

    public MqttClient Client { get; }

    public string StateTopic => GzTopic.Create(_edge.Site, _edge.Device, MessageKind.State).ToString();

    /// <summary>
    /// Completes once the client connected the first time (<see cref="ConnectAsync"/>, which the publisher calls);
    /// from then on it reconnects by itself, and requests made meanwhile wait for the next connection.
    /// </summary>
    public Task WhenFirstConnectedAsync(CancellationToken cancellationToken) => _firstConnect.Task.WaitAsync(cancellationToken);

    /// <summary>Connects, retrying with backoff until the broker answers or the host stops; says first when it runs without TLS by choice.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_broker.AllowPlaintext)
        {
            if (_broker.UsesTls)
            {
                EdgeLog.PlaintextAllowedButUnused(_logger, _broker.Host, _broker.Port);
            }
            else
            {
                EdgeLog.Plaintext(_logger, _broker.Host, _broker.Port);
            }
        }

        return Client.ConnectUntilConnectedAsync((ex, delay) => EdgeLog.ConnectFailed(_logger, ex.Message, delay), cancellationToken);
    }

    /// <summary>
    /// Says offline and disconnects, on a clean stop. The retained offline state is published when
    /// the broker takes it within <see cref="OfflineBound"/>; otherwise the broker is asked to publish
    /// the will instead (the same retained offline state), because a QoS 1 publish waits across
    /// reconnects and a stopping device must not wait on a broker that is gone.
    /// </summary>
    public async Task GoOfflineAsync(CancellationToken cancellationToken)
    {
        if (!Client.IsConnected)
        {
            // The broker publishes the will itself when it notices the lost connection.
            return;
        }

        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(OfflineBound);
            await PublishStateAsync(DeviceState.Offline, bound.Token);
            await Client.DisconnectAsync(MqttReasonCode.Success, bound.Token);
        }
        catch (Exception ex) when (ex is MqttException or OperationCanceledException)
        {
            EdgeLog.StatePublishFailed(_logger, ex.Message);
            await DisconnectWithWillAsync();
        }
    }

    public Task PublishStateAsync(string state, CancellationToken cancellationToken) =>
        Client.PublishAsync(new MqttApplicationMessage(StateTopic, StatePayload(state)) { Retain = true }, cancellationToken).AsTask();

    public async ValueTask DisposeAsync()
    {
        Client.ConnectionStateChanged -= OnConnectionStateChanged;
        await Client.DisposeAsync();
    }

    private async Task DisconnectWithWillAsync()
    {
        try
        {
            using var bound = new CancellationTokenSource(OfflineBound);
            await Client.DisconnectAsync(MqttReasonCode.DisconnectWithWillMessage, bound.Token);
        }
        catch (Exception ex) when (ex is MqttException or OperationCanceledException)
        {
            // Not even a DISCONNECT got through: the broker sees the connection drop and sends the will.
            EdgeLog.StatePublishFailed(_logger, ex.Message);
        }
    }

    private byte[] StatePayload(string state) => JsonSerializer.SerializeToUtf8Bytes(
        new DeviceState { V = ContractVersion.Current, Site = _edge.Site, Device = _edge.Device, State = state, Time = _time.GetUtcNow() },
        GzJsonContext.Default.DeviceState);

    private void OnConnectionStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (e.IsConnected)
        {
            EdgeLog.Connected(_logger, e.SessionPresent);
            if (_firstConnect.Task.IsCompleted)
            {
                Metrics.EdgeMetrics.Reconnected();
            }

            _firstConnect.TrySetResult();
            _ = AnnounceOnlineAsync();
        }
        else
        {
            EdgeLog.Disconnected(_logger, e.Exception?.Message ?? "closed");
        }
    }

    // The will may have set the retained state offline while we were away; every connect corrects it.
    private async Task AnnounceOnlineAsync()
    {
        try
        {
            await PublishStateAsync(DeviceState.Online, CancellationToken.None);
        }
        catch (Exception ex) when (ex is MqttException or ObjectDisposedException or OperationCanceledException)
        {
            EdgeLog.StatePublishFailed(_logger, ex.Message);
        }
    }
}
