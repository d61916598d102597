using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// Sends DISCONNECT with <paramref name="reason"/> and closes the connection; automatic reconnect stops.
    /// With <see cref="MqttReasonCode.NormalDisconnection"/> the broker discards the will [MQTT-3.1.2-10];
    /// <see cref="MqttReasonCode.DisconnectWithWillMessage"/> asks it to publish the will (MQTT 5).
    /// Unfinished QoS 1/2 publishes fail.
    /// </summary>
    public async Task DisconnectAsync(MqttReasonCode reason = MqttReasonCode.Success, CancellationToken cancellationToken = default)
    {
        MqttConnection? connection;
        List<PendingRequest> requests;
        CancellationTokenSource lifetime;
        lock (_gate)
        {
            lifetime = _lifetime;
            connection = _connection;
            requests = Detach(connection);
            _started = false;
            FailPendingPublishes(new MqttException($"MQTT client {_options.ClientId} disconnected before the broker acknowledged the publish"));
        }

        await lifetime.CancelAsync();
        FailRequests(requests, new ConnectionLostException("the client disconnected"));
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.SendAsync((reason, connection.Version),
                static (writer, s) => MqttPacketEncoder.Disconnect(writer, s.reason, s.Version), cancellationToken);
        }
        catch (ConnectionLostException)
        {
            // Already gone: the broker sees a lost connection instead.
        }
        finally
        {
            connection.Close(null);
        }

        _logger.Disconnected(_options.ClientId, reason);
        RaiseStateChanged(MqttConnectionStateChangedEventArgs.Disconnected(reason, null));
    }

    /// <summary>Closes the socket without DISCONNECT, as a crash or a cut cable would (the broker then publishes the will).</summary>
    internal void AbortConnection() =>
        Volatile.Read(ref _connection)?.Close(new ConnectionLostException("connection aborted without DISCONNECT"));

    /// <summary>Forgets the current connection. Call under the lock; returns the requests that were waiting on it.</summary>
    private List<PendingRequest> Detach(MqttConnection? connection)
    {
        if (connection is null || _connection != connection)
        {
            return [];
        }

        _connection = null;
        if (_connected.Task.IsCompleted)
        {
            _connected = NewConnectedSignal();
        }

        var requests = _requests.Values.ToList();
        _requests.Clear();
        return requests;
    }

    private static void FailRequests(List<PendingRequest> requests, Exception error)
    {
        foreach (var request in requests)
        {
            request.TrySetException(error);
        }
    }

    private void OnConnectionLost(MqttConnection connection, Exception reason, MqttReasonCode? reasonCode)
    {
        connection.Close(reason);
        List<PendingRequest> requests;
        bool reconnect;
        int firstAttempt;
        CancellationToken lifetime;
        lock (_gate)
        {
            if (_connection != connection)
            {
                return;
            }

            requests = Detach(connection);
            lifetime = _lifetime.Token;
            reconnect = _options.AutoReconnect && !lifetime.IsCancellationRequested && !_disposed;
            firstAttempt = ReconnectBackoff.FirstAttemptAfter(connection.AcceptedAt, _lastReconnectAttempt, _options.ReconnectDelayMax);
            _reconnecting = reconnect;
            if (!reconnect)
            {
                _started = false;
                FailPendingPublishes(new ConnectionLostException($"connection to {_options.Host}:{_options.Port} lost before PUBACK", reason));
            }
        }

        FailRequests(requests, new ConnectionLostException("connection lost", reason));
        _logger.ConnectionLost(_options.ClientId, reason);
        RaiseStateChanged(MqttConnectionStateChangedEventArgs.Disconnected(reasonCode, reason));
        if (reconnect)
        {
            _ = ReconnectLoopAsync(firstAttempt, lifetime);
        }
    }

    private async Task ReconnectLoopAsync(int firstAttempt, CancellationToken lifetime)
    {
        try
        {
            for (var attempt = firstAttempt; ; attempt++)
            {
                var delay = ReconnectBackoff.Delay(attempt, _options.ReconnectDelayMin, _options.ReconnectDelayMax);
                _logger.ReconnectScheduled(_options.ClientId, delay.TotalMilliseconds, attempt + 1);
                await Task.Delay(delay, lifetime);
                try
                {
                    // Remembered before the connection exists: a broker may drop it before this method returns.
                    Volatile.Write(ref _lastReconnectAttempt, attempt);
                    await EstablishAsync(ReconnectCleanStart, lifetime, lifetime);
                    return;
                }
                catch (Exception ex) when (!lifetime.IsCancellationRequested)
                {
                    // Loop boundary: every failure (refused, unreachable, TLS) is logged and retried with backoff.
                    _logger.ReconnectFailed(_options.ClientId, attempt + 1, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // DisconnectAsync or DisposeAsync stopped reconnecting.
        }
        finally
        {
            lock (_gate)
            {
                _reconnecting = false;
            }
        }
    }
}
