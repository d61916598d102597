using System.Runtime.CompilerServices;
using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    private async Task RunReadLoopAsync(MqttConnection connection)
    {
        Exception reason;
        MqttReasonCode? reasonCode = null;
        try
        {
            while (true)
            {
                // Everything already buffered is handled first; only before waiting for the socket do
                // the automatic PUBACKs of what was handled go out, all in one write.
                if (!connection.TryReadBuffered(out var packet))
                {
                    await FlushReadBatchAsync(connection);
                    packet = await connection.ReadPacketAsync(connection.Closing);
                }

                await DispatchAsync(connection, packet);
            }
        }
        catch (MqttProtocolException ex)
        {
            // Tell an MQTT 5 broker why before closing (MQTT 5.0 section 4.13); 3.1.1 just closes [MQTT-4.8.0-1].
            _logger.ProtocolViolation(_options.ClientId, ex.ReasonCode, ex.Message);
            reason = ex;
            reasonCode = ex.ReasonCode;
            await SendDisconnectQuietlyAsync(connection, ex.ReasonCode);
        }
        catch (ServerDisconnectException ex)
        {
            reason = ex;
            reasonCode = ex.ReasonCode;
        }
        catch (Exception ex)
        {
            // Loop boundary: whatever ended the connection is reported and the client reconnects.
            reason = connection.CloseReason ?? ex;
        }

        OnConnectionLost(connection, reason, reasonCode);
        connection.ReleaseReadBuffer();
    }

    private ValueTask DispatchAsync(MqttConnection connection, InboundPacket packet) => packet.Type switch
    {
        MqttPacketType.Publish => HandlePublishAsync(connection, packet.Message),
        MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubComp => HandlePublishAckAsync(connection, packet),
        MqttPacketType.PubRel => HandlePubRelAsync(connection, packet.PacketId),
        MqttPacketType.SubAck or MqttPacketType.UnsubAck => CompleteRequest(packet),
        MqttPacketType.PingResp => ValueTask.CompletedTask,
        MqttPacketType.Disconnect => throw new ServerDisconnectException(packet.ReasonCode,
            $"broker sent DISCONNECT {packet.ReasonCode} (0x{(byte)packet.ReasonCode:X2}) {packet.Properties.ReasonString}".TrimEnd()),
        _ => throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"unexpected {packet.Type} after CONNACK [MQTT-3.2.0-2]"),
    };

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HandlePublishAsync(MqttConnection connection, MqttReceivedMessage message)
    {
        message = message with { Generation = connection.Generation };
        switch (message.Qos)
        {
            case MqttQualityOfService.AtMostOnce:
                await DeliverAsync(connection, message);
                break;
            case MqttQualityOfService.AtLeastOnce when _options.ManualAcknowledgement:
                lock (_gate)
                {
                    NoteReceiveMaximum(connection);
                    message = message with { Sequence = connection.Acks.Add(message.PacketId) };
                }

                await DeliverAsync(connection, message);
                break;
            case MqttQualityOfService.AtLeastOnce:
                // Automatic mode: acknowledged once the message is in the channel; the PUBACKs queue up in
                // receive order [MQTT-4.6.0-2] and go out together before the read loop waits.
                await DeliverAsync(connection, message);
                connection.PendingAutoAcks.Add(message.PacketId);
                break;
            default:
                bool first;
                lock (_gate)
                {
                    NoteReceiveMaximum(connection);
                    first = _inboundQos2.Add(message.PacketId);
                }

                // QoS 2 (method B, MQTT 5.0 section 4.3.3): deliver on the first PUBLISH, ignore repeats until PUBREL.
                if (first)
                {
                    await DeliverAsync(connection, message);
                }
                else
                {
                    message.Dispose();
                }

                await SendAckAsync(connection, MqttPacketType.PubRec, message.PacketId, MqttReasonCode.Success);
                break;
        }
    }

    /// <summary>
    /// The broker must not exceed the Receive Maximum we announced [MQTT-3.3.4-9], and the spec has the
    /// client disconnect with 0x93 when it does. Mosquitto 2.0.11 (Debian 12's broker) does exceed it as
    /// soon as PUBACKs come in receive order: each one moves queued messages in flight without checking
    /// the quota (eclipse-mosquitto/mosquitto#2301). Disconnecting would reconnect into the same flood and
    /// ingest nothing, so the client says so once per connection and carries on: the channel still bounds
    /// what is held (a full channel stops the read loop and TCP pushes back). Call under the lock.
    /// </summary>
    private void NoteReceiveMaximum(MqttConnection connection)
    {
        if (!connection.ReceiveMaximumExceeded && connection.Version == MqttProtocolVersion.V500
            && connection.Acks.Count + _inboundQos2.Count >= _options.ReceiveMaximum)
        {
            connection.ReceiveMaximumExceeded = true;
            _logger.ReceiveMaximumExceeded(_options.ClientId, _options.ReceiveMaximum);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask DeliverAsync(MqttConnection connection, MqttReceivedMessage message)
    {
        if (_messages.Writer.TryWrite(message))
        {
            return;
        }

        // The application is behind: what it already took is acknowledged before the loop waits for it.
        await FlushAutomaticAcksAsync(connection);
        connection.IsDeliveryBlocked = true;
        try
        {
            await _messages.Writer.WriteAsync(message, connection.Closing);
        }
        finally
        {
            connection.IsDeliveryBlocked = false;
        }
    }

    /// <summary>What the packets handled since the last read leave to do: wake the pump for the quota they returned, write their automatic PUBACKs.</summary>
    private ValueTask FlushReadBatchAsync(MqttConnection connection)
    {
        if (connection.QuotaReturned)
        {
            connection.QuotaReturned = false;
            connection.PublishSignal.Set();
        }

        return FlushAutomaticAcksAsync(connection);
    }

    private ValueTask FlushAutomaticAcksAsync(MqttConnection connection) =>
        connection.PendingAutoAcks.Count == 0 ? ValueTask.CompletedTask : SendPubAcksAsync(connection, connection.PendingAutoAcks);

    /// <summary>PUBACKs for <paramref name="packetIds"/>, in order and in one write; the list is emptied.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendPubAcksAsync(MqttConnection connection, List<ushort> packetIds)
    {
        try
        {
            await connection.SendAsync((packetIds, connection.Version), static (writer, s) =>
            {
                foreach (var packetId in s.packetIds)
                {
                    MqttPacketEncoder.Ack(writer, MqttPacketType.PubAck, packetId, MqttReasonCode.Success, s.Version);
                }
            }, connection.Closing);
        }
        finally
        {
            packetIds.Clear();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HandlePubRelAsync(MqttConnection connection, ushort packetId)
    {
        bool known;
        lock (_gate)
        {
            known = _inboundQos2.Remove(packetId);
        }

        await SendAckAsync(connection, MqttPacketType.PubComp, packetId,
            known ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound);
    }

    private static ValueTask SendAckAsync(MqttConnection connection, MqttPacketType type, ushort packetId, MqttReasonCode reason) =>
        connection.SendAsync((type, packetId, reason, connection.Version),
            static (writer, s) => MqttPacketEncoder.Ack(writer, s.type, s.packetId, s.reason, s.Version), connection.Closing);

    private async ValueTask SendDisconnectQuietlyAsync(MqttConnection connection, MqttReasonCode reason)
    {
        if (connection.Version != MqttProtocolVersion.V500)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await connection.SendAsync((reason, connection.Version),
                static (writer, s) => MqttPacketEncoder.Disconnect(writer, s.reason, s.Version), timeout.Token);
        }
        catch (Exception ex) when (ex is MqttException or OperationCanceledException)
        {
            // The connection is going away either way.
        }
    }
}
