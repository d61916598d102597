using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// Subscribes and returns one reason code per subscription (granted QoS, or 0x80 and above on failure).
    /// Subscriptions are remembered and restored when a reconnect finds no session.
    /// </summary>
    public async Task<IReadOnlyList<MqttReasonCode>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(subscriptions.Count, nameof(subscriptions));
        lock (_gate)
        {
            foreach (var subscription in subscriptions)
            {
                _subscriptions[subscription.TopicFilter] = subscription;
            }
        }

        var codes = await SubscribeCoreAsync(subscriptions, cancellationToken);
        lock (_gate)
        {
            for (var i = 0; i < codes.Count; i++)
            {
                if (codes[i] >= MqttReasonCode.UnspecifiedError)
                {
                    _subscriptions.Remove(subscriptions[i].TopicFilter);
                }
            }
        }

        return codes;
    }

    /// <summary>Unsubscribes; completes when UNSUBACK arrives.</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(topicFilters.Count, nameof(topicFilters));
        lock (_gate)
        {
            foreach (var filter in topicFilters)
            {
                _subscriptions.Remove(filter);
            }
        }

        await RequestAsync(MqttPacketType.UnsubAck, topicFilters,
            static (writer, id, filters, version) => MqttPacketEncoder.Unsubscribe(writer, id, filters, version), cancellationToken);
    }

    private async Task<IReadOnlyList<MqttReasonCode>> SubscribeCoreAsync(IReadOnlyList<MqttSubscription> subscriptions,
        CancellationToken cancellationToken)
    {
        var ack = await RequestAsync(MqttPacketType.SubAck, subscriptions,
            static (writer, id, subs, version) => MqttPacketEncoder.Subscribe(writer, id, subs, version), cancellationToken);
        var codes = ack.ReasonCodes!;
        return codes.Count == subscriptions.Count
            ? codes
            : throw new MqttProtocolException(MqttReasonCode.ProtocolError,
                $"SUBACK has {codes.Count} reason codes for {subscriptions.Count} topic filters [MQTT-3.8.4-6]");
    }

    private async Task ResubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken lifetime)
    {
        try
        {
            await SubscribeCoreAsync(subscriptions, lifetime);
        }
        catch (Exception ex) when (ex is MqttException or OperationCanceledException)
        {
            _logger.ResubscribeFailed(_options.ClientId, ex);
        }
    }

    /// <summary>Sends a SUBSCRIBE/UNSUBSCRIBE and waits for its ack; a connection lost meanwhile means sending it again on the next one.</summary>
    private async Task<InboundPacket> RequestAsync<TState>(MqttPacketType expectedAck, TState state,
        Func<PacketWriter, ushort, TState, MqttProtocolVersion, ReadOnlyMemory<byte>> encode, CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = await WaitForConnectionAsync(cancellationToken);
            var request = new PendingRequest(expectedAck);
            ushort packetId;
            lock (_gate)
            {
                if (_connection != connection)
                {
                    continue;
                }

                packetId = NextPacketId();
                _requests[packetId] = request;
            }

            try
            {
                await connection.SendAsync((state, packetId, connection.Version, encode),
                    static (writer, s) => s.encode(writer, s.packetId, s.state, s.Version), cancellationToken);
                return await request.Task.WaitAsync(cancellationToken);
            }
            catch (ConnectionLostException) when (_options.AutoReconnect)
            {
                // Retried on the next connection.
            }
            finally
            {
                lock (_gate)
                {
                    if (_requests.TryGetValue(packetId, out var current) && current == request)
                    {
                        _requests.Remove(packetId);
                    }
                }
            }
        }
    }

    private ValueTask CompleteRequest(InboundPacket packet)
    {
        PendingRequest? request;
        lock (_gate)
        {
            _requests.Remove(packet.PacketId, out request);
        }

        if (request is null)
        {
            _logger.UnknownPacketId(_options.ClientId, packet.Type.ToString(), packet.PacketId);
        }
        else if (request.ExpectedAck != packet.Type)
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"{packet.Type} answers a packet id that is waiting for {request.ExpectedAck}");
        }
        else
        {
            request.TrySetResult(packet);
        }

        return ValueTask.CompletedTask;
    }
}
