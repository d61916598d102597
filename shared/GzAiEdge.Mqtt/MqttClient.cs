using System.Threading.Channels;
using GzAiEdge.Mqtt.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GzAiEdge.Mqtt;

/// <summary>
/// An MQTT 5.0 / 3.1.1 client written against the OASIS specifications: QoS 0/1 (and 2) both ways,
/// persistent sessions, automatic reconnect with resend, flow control, manual acknowledgement and TLS.
/// </summary>
/// <remarks>
/// <para>Received messages are delivered through <see cref="Messages"/>, a bounded channel of
/// <see cref="MqttClientOptions.ReceiveMaximum"/> + 64 entries in <see cref="BoundedChannelFullMode.Wait"/>
/// mode: nothing is dropped; when the application falls behind, the read loop stops reading and the broker
/// queues (TCP back-pressure, then the broker's own queue). The capacity covers ReceiveMaximum so that in
/// manual acknowledgement mode every unacknowledged QoS 1 message fits while it waits for the application.</para>
/// <para>In steady state neither direction allocates per message: received payloads sit in pooled
/// buffers until the message is released (<see cref="MqttReceivedMessage"/>), topic names are interned,
/// QoS 1 publishes reuse their pending entries, and a burst of PUBLISH or PUBACK packets goes out in one write.</para>
/// </remarks>
public sealed partial class MqttClient : IAsyncDisposable
{
    private const int ChannelHeadroom = 64;
    private readonly MqttClientOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<MqttReceivedMessage> _messages;
    private readonly Lock _gate = new();
    private readonly Dictionary<ushort, PendingPublish> _inflight = [];
    private readonly Dictionary<ushort, PendingRequest> _requests = [];
    private readonly Dictionary<string, MqttSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly HashSet<ushort> _inboundQos2 = [];
    private readonly PendingPublishPool _pendingPool;
    private readonly InboundBuffers _inbound;
    private Queue<PendingPublish> _unsent = new();
    private TaskCompletionSource<MqttConnection> _connected = NewConnectedSignal();
    private CancellationTokenSource _lifetime = new();
    private MqttConnection? _connection;
    private long _generation;
    private long _publishSequence;
    private ushort _lastPacketId;
    private bool _started;
    private bool _reconnecting;

    // The backoff attempt of the reconnect that made the current connection; -1 while none did.
    private int _lastReconnectAttempt = -1;
    private bool _disposed;

    /// <summary>Creates a client; nothing happens on the network until <see cref="ConnectAsync"/>.</summary>
    public MqttClient(MqttClientOptions options, ILogger<MqttClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(options.ReceiveMaximum, nameof(options.ReceiveMaximum));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaximumPacketSize, 16, nameof(options.MaximumPacketSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ReconnectDelayMin, options.ReconnectDelayMax, nameof(options.ReconnectDelayMin));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestAttempts, 1, nameof(options.RequestAttempts));
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pendingPool = new PendingPublishPool(_gate);
        _inbound = new InboundBuffers(options.ReceiveMaximum + ChannelHeadroom);
        _messages = Channel.CreateBounded<MqttReceivedMessage>(new BoundedChannelOptions(options.ReceiveMaximum + ChannelHeadroom)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    /// <summary>Raised when the client connects (with the session-present flag) or loses its connection (with the reason).</summary>
    public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

    /// <summary>Whether a connection is established right now.</summary>
    public bool IsConnected => Volatile.Read(ref _connection) is not null;

    /// <summary>Received PUBLISH packets in arrival order; completes when the client is disposed.</summary>
    public ChannelReader<MqttReceivedMessage> Messages => _messages.Reader;

    /// <summary>Disconnects normally (the will is not published) and releases the client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await DisconnectAsync(MqttReasonCode.NormalDisconnection, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // The DISCONNECT could not be written in time; the socket is closed anyway.
            }
        }

        lock (_gate)
        {
            _disposed = true;
            _connected.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
        }

        _messages.Writer.TryComplete();
    }

    private static TaskCompletionSource<MqttConnection> NewConnectedSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The current connection, waiting for a reconnect when AutoReconnect will bring one.</summary>
    private async ValueTask<MqttConnection> WaitForConnectionAsync(CancellationToken cancellationToken)
    {
        Task<MqttConnection> signal;
        lock (_gate)
        {
            if (Unusable() is { } error)
            {
                throw error;
            }

            if (_connection is not null)
            {
                return _connection;
            }

            signal = _connected.Task;
        }

        return await signal.WaitAsync(cancellationToken);
    }

    /// <summary>Why the client cannot take work now, or null when it is connected or will reconnect by itself. Call under the lock.</summary>
    private Exception? Unusable() =>
        _disposed ? new ObjectDisposedException(nameof(MqttClient))
        : _connection is null && (!_options.AutoReconnect || !_started || _lifetime.IsCancellationRequested)
            ? new MqttException($"MQTT client {_options.ClientId} is not connected to {_options.Host}:{_options.Port}; call ConnectAsync first")
            : null;

    /// <summary>The next free packet identifier (1..65535) [MQTT-2.2.1-3]. Call under the lock.</summary>
    private ushort NextPacketId()
    {
        for (var attempt = 0; attempt < ushort.MaxValue; attempt++)
        {
            _lastPacketId = _lastPacketId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastPacketId + 1);
            if (!_inflight.ContainsKey(_lastPacketId) && !_requests.ContainsKey(_lastPacketId))
            {
                return _lastPacketId;
            }
        }

        throw new MqttException("all 65535 packet identifiers are in use");
    }

    private void RaiseStateChanged(MqttConnectionStateChangedEventArgs args)
    {
        try
        {
            ConnectionStateChanged?.Invoke(this, args);
        }
        catch (Exception ex)
        {
            _logger.EventHandlerFailed(_options.ClientId, ex);
        }
    }
}
