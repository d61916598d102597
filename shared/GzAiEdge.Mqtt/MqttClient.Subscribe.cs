using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// Subscribes and returns one reason code per subscription (granted QoS, or 0x80 and above on failure).
    /// Subscriptions are remembered and restored when a reconnect finds no session.
    /// </summary>
    /// <exception cref="MqttException">The connection was lost before the SUBACK on <see cref="MqttClientOptions.RequestAttempts"/>
    /// connections in a row (a broker that refuses the request by closing the connection); the message gives the last reason.</exception>
    public async Task<IReadOnlyList<MqttReasonCode>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(subscriptions.Count, nameof(subscriptions));
        var codes = await SubscribeCoreAsync(subscriptions, _options.RequestAttempts, cancellationToken);

        // Remembered once granted, not while asked for: a reconnect into a new session meanwhile must restore only
        // what the broker granted, and not send a second copy of a request that is being resent anyway.
        lock (_gate)
        {
            for (var i = 0; i < codes.Count; i++)
            {
                if (codes[i] < MqttReasonCode.UnspecifiedError)
                {
                    _subscriptions[subscriptions[i].TopicFilter] = subscriptions[i];
                }
                else
                {
                    _subscriptions.Remove(subscriptions[i].TopicFilter);
                }
            }
        }

        return codes;
    }

    /// <summary>Unsubscribes; completes when UNSUBACK arrives.</summary>
    /// <exception cref="MqttException">The connection was lost before the UNSUBACK on <see cref="MqttClientOptions.RequestAttempts"/>
    /// connections in a row; the message gives the last reason.</exception>
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
            static (writer, id, filters, version) => MqttPacketEncoder.Unsubscribe(writer, id, filters, version), _options.RequestAttempts, cancellationToken);
    }

    private async Task<IReadOnlyList<MqttReasonCode>> SubscribeCoreAsync(IReadOnlyList<MqttSubscription> subscriptions,
        int attempts, CancellationToken cancellationToken)
    {
        var ack = await RequestAsync(MqttPacketType.SubAck, subscriptions,
            static (writer, id, subs, version) => MqttPacketEncoder.Subscribe(writer, id, subs, version), attempts, cancellationToken);
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
            // One try: a connection lost under it brings a reconnect, which restores the subscriptions again.
            await SubscribeCoreAsync(subscriptions, 1, lifetime);
        }
        catch (Exception ex) when (ex is MqttException or OperationCanceledException)
        {
            _logger.ResubscribeFailed(_options.ClientId, ex);
        }
    }

    /// <summary>
    /// Sends a SUBSCRIBE/UNSUBSCRIBE and waits for its ack. A connection lost meanwhile means sending it again on the
    /// next one, at most <paramref name="attempts"/> times in all: a broker that answers the request by closing the
    /// connection would otherwise get it again on every reconnect, and the caller would wait for ever.
    /// </summary>
    private async Task<InboundPacket> RequestAsync<TState>(MqttPacketType expectedAck, TState state,
        Func<PacketWriter, ushort, TState, MqttProtocolVersion, ReadOnlyMemory<byte>> encode, int attempts, CancellationToken cancellationToken)
    {
        for (var sent = 0; ;)
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
                sent++;
                await connection.SendAsync((state, packetId, connection.Version, encode),
                    static (writer, s) => s.encode(writer, s.packetId, s.state, s.Version), cancellationToken);
                return await request.Task.WaitAsync(cancellationToken);
            }
            catch (ConnectionLostException ex) when (_options.AutoReconnect)
            {
                if (sent >= attempts)
                {
                    var kind = expectedAck == MqttPacketType.SubAck ? "SUBSCRIBE" : "UNSUBSCRIBE";
                    throw new MqttException(
                        $"MQTT client {_options.ClientId}: the connection to {_options.Host}:{_options.Port} was lost before the broker answered {kind} "
                        + $"{sent} times in a row ({(ex.InnerException ?? ex).Message}); a broker that refuses a request may close the connection instead of answering",
                        ex);
                }
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
