using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    private readonly SemaphoreSlim _ackLock = new(1, 1);
    private readonly List<ushort> _readyAcks = [];

    /// <summary>Observes every PUBACK the client writes (tests check the order).</summary>
    internal Action<ushort>? PubAckSent { get; set; }

    /// <summary>
    /// Acknowledges a QoS 1 message in <see cref="MqttClientOptions.ManualAcknowledgement"/> mode. PUBACKs
    /// go out in receive order [MQTT-4.6.0-2]: acknowledging out of order holds this one until the earlier
    /// ones are acknowledged. A message from an earlier connection is not acknowledged: the broker redelivers it.
    /// QoS 0 and QoS 2 messages need nothing and return at once.
    /// </summary>
    public async ValueTask AcknowledgeAsync(MqttReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_options.ManualAcknowledgement)
        {
            throw new InvalidOperationException("AcknowledgeAsync needs MqttClientOptions.ManualAcknowledgement = true");
        }

        if (message.Qos != MqttQualityOfService.AtLeastOnce)
        {
            return;
        }

        // One acknowledger at a time, so that two callers cannot write their batches out of order.
        await _ackLock.WaitAsync(cancellationToken);
        try
        {
            MqttConnection? connection;
            lock (_gate)
            {
                connection = _connection;
                if (connection is null || connection.Generation != message.Generation)
                {
                    return;
                }

                _readyAcks.Clear();
                connection.Acks.Acknowledge(message.Sequence, _readyAcks);
            }

            foreach (var packetId in _readyAcks)
            {
                await SendAckAsync(connection, MqttPacketType.PubAck, packetId, MqttReasonCode.Success);
                PubAckSent?.Invoke(packetId);
            }
        }
        catch (ConnectionLostException ex)
        {
            _logger.AcknowledgementFailed(_options.ClientId, ex);
        }
        finally
        {
            _ackLock.Release();
        }
    }
}
