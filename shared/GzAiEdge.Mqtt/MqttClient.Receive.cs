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
                var packet = await connection.ReadPacketAsync(connection.Closing);
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
    }

    private ValueTask DispatchAsync(MqttConnection connection, InboundPacket packet) => packet.Type switch
    {
        MqttPacketType.Publish => HandlePublishAsync(connection, packet.Message!),
        MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubComp => HandlePublishAckAsync(connection, packet),
        MqttPacketType.PubRel => HandlePubRelAsync(connection, packet.PacketId),
        MqttPacketType.SubAck or MqttPacketType.UnsubAck => CompleteRequest(packet),
        MqttPacketType.PingResp => ValueTask.CompletedTask,
        MqttPacketType.Disconnect => throw new ServerDisconnectException(packet.ReasonCode,
            $"broker sent DISCONNECT {packet.ReasonCode} (0x{(byte)packet.ReasonCode:X2}) {packet.Properties.ReasonString}".TrimEnd()),
        _ => throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"unexpected {packet.Type} after CONNACK [MQTT-3.2.0-2]"),
    };

    private async ValueTask HandlePublishAsync(MqttConnection connection, MqttReceivedMessage message)
    {
        message.Generation = connection.Generation;
        switch (message.Qos)
        {
            case MqttQualityOfService.AtMostOnce:
                await DeliverAsync(connection, message);
                break;
            case MqttQualityOfService.AtLeastOnce when _options.ManualAcknowledgement:
                lock (_gate)
                {
                    ThrowIfReceiveMaximumExceeded(connection);
                    message.Sequence = connection.Acks.Add(message.PacketId);
                }

                await DeliverAsync(connection, message);
                break;
            case MqttQualityOfService.AtLeastOnce:
                // Automatic mode: acknowledged once the message is in the channel, so PUBACKs follow receive order [MQTT-4.6.0-2].
                await DeliverAsync(connection, message);
                await SendAckAsync(connection, MqttPacketType.PubAck, message.PacketId, MqttReasonCode.Success);
                break;
            default:
                bool first;
                lock (_gate)
                {
                    ThrowIfReceiveMaximumExceeded(connection);
                    first = _inboundQos2.Add(message.PacketId);
                }

                // QoS 2 (method B, MQTT 5.0 section 4.3.3): deliver on the first PUBLISH, ignore repeats until PUBREL.
                if (first)
                {
                    await DeliverAsync(connection, message);
                }

                await SendAckAsync(connection, MqttPacketType.PubRec, message.PacketId, MqttReasonCode.Success);
                break;
        }
    }

    /// <summary>The broker must not exceed the Receive Maximum we announced [MQTT-3.3.4-9]. Call under the lock.</summary>
    private void ThrowIfReceiveMaximumExceeded(MqttConnection connection)
    {
        if (connection.Version == MqttProtocolVersion.V500 && connection.Acks.Count + _inboundQos2.Count >= _options.ReceiveMaximum)
        {
            throw new MqttProtocolException(MqttReasonCode.ReceiveMaximumExceeded,
                $"broker sent more than {_options.ReceiveMaximum} unacknowledged QoS 1/2 messages");
        }
    }

    private async ValueTask DeliverAsync(MqttConnection connection, MqttReceivedMessage message)
    {
        if (_messages.Writer.TryWrite(message))
        {
            return;
        }

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

    private ValueTask SendAckAsync(MqttConnection connection, MqttPacketType type, ushort packetId, MqttReasonCode reason) =>
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
