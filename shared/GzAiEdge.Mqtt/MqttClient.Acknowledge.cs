using System.Runtime.CompilerServices;
using GzAiEdge.Mqtt.Internal;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    private readonly SemaphoreSlim _ackLock = new(1, 1);
    private readonly List<ushort> _readyAcks = [];

    /// <summary>Observes every manual PUBACK as it is handed to the connection to write (tests check the order).</summary>
    internal Action<ushort>? PubAckSent { get; set; }

    /// <summary>
    /// Acknowledges a message in <see cref="MqttClientOptions.ManualAcknowledgement"/> mode and releases it
    /// (its <see cref="MqttReceivedMessage.Payload"/> is no longer valid). PUBACKs go out in receive order
    /// [MQTT-4.6.0-2]: acknowledging out of order holds this one until the earlier ones are acknowledged.
    /// A message from an earlier connection is not acknowledged: the broker redelivers it. QoS 0 and QoS 2
    /// messages need no PUBACK and are only released; acknowledging a message twice does nothing more.
    /// </summary>
    public ValueTask AcknowledgeAsync(MqttReceivedMessage message, CancellationToken cancellationToken)
    {
        RequireManualAcknowledgement();
        message.Dispose();
        return message.Qos == MqttQualityOfService.AtLeastOnce
            ? AcknowledgeCoreAsync(message, null, cancellationToken)
            : ValueTask.CompletedTask;
    }

    /// <summary>
    /// Acknowledges and releases several messages at once, as <see cref="AcknowledgeAsync(MqttReceivedMessage, CancellationToken)"/>
    /// does one: the PUBACKs that become due go out together in one write, still in receive order.
    /// </summary>
    public ValueTask AcknowledgeAsync(IReadOnlyList<MqttReceivedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        RequireManualAcknowledgement();
        for (var i = 0; i < messages.Count; i++)
        {
            messages[i].Dispose();
        }

        return messages.Count == 0 ? ValueTask.CompletedTask : AcknowledgeCoreAsync(default, messages, cancellationToken);
    }

    private void RequireManualAcknowledgement()
    {
        if (!_options.ManualAcknowledgement)
        {
            throw new InvalidOperationException("AcknowledgeAsync needs MqttClientOptions.ManualAcknowledgement = true; release messages with Dispose instead");
        }
    }

    // One acknowledger at a time, so that two callers cannot write their PUBACKs out of order.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AcknowledgeCoreAsync(MqttReceivedMessage one, IReadOnlyList<MqttReceivedMessage>? many,
        CancellationToken cancellationToken)
    {
        await _ackLock.WaitAsync(cancellationToken);
        try
        {
            MqttConnection? connection;
            lock (_gate)
            {
                connection = _connection;
                if (connection is null)
                {
                    return;
                }

                if (many is null)
                {
                    CollectAck(connection, one);
                }
                else
                {
                    for (var i = 0; i < many.Count; i++)
                    {
                        CollectAck(connection, many[i]);
                    }
                }
            }

            if (_readyAcks.Count == 0)
            {
                return;
            }

            if (PubAckSent is { } observe)
            {
                _readyAcks.ForEach(observe);
            }

            await SendPubAcksAsync(connection, _readyAcks);
        }
        catch (ConnectionLostException ex)
        {
            _logger.AcknowledgementFailed(_options.ClientId, ex);
        }
        finally
        {
            _readyAcks.Clear();
            _ackLock.Release();
        }
    }

    /// <summary>Adds the PUBACKs that <paramref name="message"/> makes due to the ready list. Call under the lock.</summary>
    private void CollectAck(MqttConnection connection, MqttReceivedMessage message)
    {
        if (message.Qos == MqttQualityOfService.AtLeastOnce && message.Generation == connection.Generation)
        {
            connection.Acks.Acknowledge(message.Sequence, _readyAcks);
        }
    }
}
