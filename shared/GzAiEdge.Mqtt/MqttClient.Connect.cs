using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// Connects for the first time, with <see cref="MqttClientOptions.CleanStart"/>. After that,
    /// <see cref="MqttClientOptions.AutoReconnect"/> keeps the client connected.
    /// </summary>
    /// <exception cref="MqttConnectException">The broker refused the connection.</exception>
    /// <exception cref="MqttException">The broker could not be reached, TLS failed, or no CONNACK came within the timeout.</exception>
    public async Task<MqttConnectResult> ConnectAsync(CancellationToken cancellationToken)
    {
        CancellationToken lifetime;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is not null || _reconnecting)
            {
                throw new InvalidOperationException($"MQTT client {_options.ClientId} is already connected");
            }

            if (_lifetime.IsCancellationRequested)
            {
                _lifetime = new CancellationTokenSource();
            }

            lifetime = _lifetime.Token;
            _lastReconnectAttempt = -1;
        }

        return await EstablishAsync(_options.CleanStart, lifetime, cancellationToken);
    }

    /// <summary>
    /// Clean start on reconnect: resume whenever a session can exist. In MQTT 5 it exists when the
    /// session expiry is above 0 [MQTT-3.1.2-4]; in 3.1.1 when clean session was off [MQTT-3.1.2-6].
    /// </summary>
    private bool ReconnectCleanStart => _options.ProtocolVersion == MqttProtocolVersion.V500
        ? _options.SessionExpiryIntervalSeconds == 0
        : _options.CleanStart;

    private async Task<MqttConnectResult> EstablishAsync(bool cleanStart, CancellationToken lifetime, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        MqttConnection? connection = null;
        try
        {
            var stream = await MqttTransport.ConnectAsync(_options, timeout.Token);
            connection = new MqttConnection(stream, _options.ProtocolVersion, _options.MaximumPacketSize,
                Interlocked.Increment(ref _generation), _inbound);
            await connection.SendAsync((_options, cleanStart), static (writer, s) => MqttPacketEncoder.Connect(writer, s._options, s.cleanStart),
                timeout.Token);

            // The first packet from the server must be CONNACK [MQTT-3.2.0-1].
            var connAck = await connection.ReadPacketAsync(timeout.Token);
            if (connAck.Type != MqttPacketType.ConnAck)
            {
                throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"broker answered CONNECT with {connAck.Type}, not CONNACK [MQTT-3.2.0-1]");
            }

            if (connAck.ReasonCode >= MqttReasonCode.UnspecifiedError)
            {
                throw new MqttConnectException(connAck.ReasonCode,
                    $"broker {_options.Host}:{_options.Port} refused client '{_options.ClientId}': {connAck.ReasonCode} (0x{(byte)connAck.ReasonCode:X2}) {connAck.Properties.ReasonString}".TrimEnd());
            }

            var result = ToResult(connAck);
            Activate(connection, result, lifetime);
            return result;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            connection?.Close(ex);
            throw new MqttException($"no CONNACK from {_options.Host}:{_options.Port} within {_options.ConnectTimeout.TotalSeconds} s", ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException or CryptographicException
            or ConnectionLostException)
        {
            connection?.Close(ex);
            throw new MqttException($"could not connect to MQTT broker {_options.Host}:{_options.Port}: {ex.Message}", ex);
        }
        catch (Exception ex)
        {
            connection?.Close(ex);
            throw;
        }
    }

    private static MqttConnectResult ToResult(InboundPacket connAck) =>
        new(connAck.SessionPresent, connAck.ReasonCode, connAck.Properties.ReceiveMaximum ?? ushort.MaxValue)
        {
            MaximumQos = (MqttQualityOfService)(connAck.Properties.MaximumQos ?? 2),
            RetainAvailable = connAck.Properties.RetainAvailable ?? true,
            MaximumPacketSize = connAck.Properties.MaximumPacketSize,
            AssignedClientIdentifier = connAck.Properties.AssignedClientIdentifier,
            ServerKeepAliveSeconds = connAck.Properties.ServerKeepAlive,
            SessionExpiryIntervalSeconds = connAck.Properties.SessionExpiryInterval,
            ReasonString = connAck.Properties.ReasonString,
        };

    /// <summary>Makes an accepted connection current, queues what must be resent and starts its loops.</summary>
    private void Activate(MqttConnection connection, MqttConnectResult result, CancellationToken lifetime)
    {
        connection.Accept(result);
        List<MqttSubscription>? resubscribe = null;
        int resend;
        lock (_gate)
        {
            if (lifetime.IsCancellationRequested || _disposed)
            {
                throw new OperationCanceledException("the client was disconnected while connecting", lifetime);
            }

            resend = RequeueForResend(result.SessionPresent);
            if (!result.SessionPresent)
            {
                // A new session has no subscriptions and no QoS 2 state; restore what this client asked for.
                _inboundQos2.Clear();
                if (_started && _options.RestoreSubscriptions && _subscriptions.Count > 0)
                {
                    resubscribe = [.. _subscriptions.Values];
                }
            }

            _started = true;
            _connection = connection;
            _connected.TrySetResult(connection);
        }

        _logger.Connected(_options.ClientId, _options.Host, _options.Port, result.SessionPresent);
        if (resend > 0)
        {
            _logger.Resending(_options.ClientId, resend, result.SessionPresent);
        }

        _ = RunReadLoopAsync(connection);
        _ = RunPublishPumpAsync(connection);
        connection.PublishSignal.Set();
        connection.KeepAliveMilliseconds = (result.ServerKeepAliveSeconds ?? _options.KeepAliveSeconds) * 1000L;
        ConnectionTimer.Add(this, connection);

        if (resubscribe is not null)
        {
            _ = ResubscribeAsync(resubscribe, lifetime);
        }

        RaiseStateChanged(MqttConnectionStateChangedEventArgs.Connected(result.SessionPresent));
    }
}
