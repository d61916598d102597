using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// Publishes a message. QoS 0 completes when written; QoS 1 when PUBACK arrives (QoS 2 on PUBCOMP).
    /// A QoS 1/2 publish survives reconnects: it is resent (DUP=1 when the session was resumed) and completes then.
    /// Returns the broker's reason code: <see cref="MqttReasonCode.Success"/>, or below 0x80 a success with a
    /// remark, e.g. <see cref="MqttReasonCode.NoMatchingSubscribers"/> (0x10): accepted but delivered to nobody.
    /// </summary>
    /// <exception cref="MqttPublishException">The broker answered with a reason code of 0x80 or above.</exception>
    /// <exception cref="MqttException">Not connected and no automatic reconnect will happen.</exception>
    public async Task<MqttReasonCode> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Topic.Length == 0 || message.Topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new ArgumentException($"'{message.Topic}' is not a valid topic name: it must be non-empty and without wildcards [MQTT-3.3.2-2]", nameof(message));
        }

        if (message.Qos == MqttQualityOfService.AtMostOnce)
        {
            // At most once: a publish cut off by a lost connection is not repeated.
            var connection = await WaitForConnectionAsync(cancellationToken);
            await connection.SendAsync((message, connection.Version),
                static (writer, s) => MqttPacketEncoder.Publish(writer, s.message, 0, false, s.Version), cancellationToken);
            return MqttReasonCode.Success;
        }

        var pending = new PendingPublish(message, Interlocked.Increment(ref _publishSequence));
        lock (_gate)
        {
            ThrowIfUnusable();
            _unsent.Enqueue(pending);
        }

        _unsentSignal.Release();
        try
        {
            return await pending.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                // Never sent: forget it. Sent: it keeps its packet id until the PUBACK frees it.
                if (pending.SentOn is null)
                {
                    pending.TrySetCanceled(cancellationToken);
                }
            }

            throw;
        }
    }

    /// <summary>
    /// After CONNACK: every unfinished publish goes back in the send queue in its original order
    /// [MQTT-4.6.0-1]; those sent before are marked DUP when the session was resumed [MQTT-4.4.0-1].
    /// Call under the lock; returns how many had been sent before.
    /// </summary>
    private int RequeueForResend(bool sessionPresent)
    {
        var all = new List<PendingPublish>(_inflight.Count + _unsent.Count);
        foreach (var pending in _inflight.Values)
        {
            if (!pending.Task.IsCompleted)
            {
                all.Add(pending);
            }
        }

        _inflight.Clear();
        var resent = all.Count;
        all.AddRange(_unsent.Where(p => !p.Task.IsCompleted));
        all.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        foreach (var pending in all)
        {
            pending.SentOn = null;
            pending.Duplicate = sessionPresent && pending.PacketId != 0;
            if (pending.PacketId != 0)
            {
                _inflight[pending.PacketId] = pending;
            }

            // Without the session the broker has no QoS 2 state: start the handshake again.
            pending.Released &= sessionPresent;
        }

        _unsent = new Queue<PendingPublish>(all);
        return resent;
    }

    /// <summary>Sends queued QoS 1/2 publishes, never more in flight than the broker's Receive Maximum [MQTT-3.3.4-7].</summary>
    private async Task RunPublishPumpAsync(MqttConnection connection)
    {
        var token = connection.Closing;
        try
        {
            while (true)
            {
                await connection.SendQuota.WaitAsync(token);
                var pending = await DequeueUnsentAsync(connection, token);
                try
                {
                    await SendPendingAsync(connection, pending, token);
                }
                catch (MqttPublishException ex)
                {
                    Complete(connection, pending.PacketId, ex);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionLostException)
        {
            // The connection ended; the read loop reports why and the next connection resends.
        }
    }

    private static ValueTask SendPendingAsync(MqttConnection connection, PendingPublish pending, CancellationToken token) =>
        pending.Released
            ? connection.SendAsync((pending.PacketId, connection.Version),
                static (writer, s) => MqttPacketEncoder.Ack(writer, MqttPacketType.PubRel, s.PacketId, MqttReasonCode.Success, s.Version), token)
            : connection.SendAsync((pending, connection.Version),
                static (writer, s) => MqttPacketEncoder.Publish(writer, s.pending.Message, s.pending.PacketId, s.pending.Duplicate, s.Version), token);

    private async ValueTask<PendingPublish> DequeueUnsentAsync(MqttConnection connection, CancellationToken token)
    {
        while (true)
        {
            lock (_gate)
            {
                while (_unsent.TryDequeue(out var pending))
                {
                    if (pending.Task.IsCompleted)
                    {
                        continue;
                    }

                    if (pending.PacketId == 0)
                    {
                        pending.PacketId = NextPacketId();
                        _inflight[pending.PacketId] = pending;
                    }

                    pending.SentOn = connection;
                    return pending;
                }
            }

            await _unsentSignal.WaitAsync(token);
        }
    }

    /// <summary>PUBACK, PUBREC or PUBCOMP for one of our publishes.</summary>
    private async ValueTask HandlePublishAckAsync(MqttConnection connection, InboundPacket packet)
    {
        if (packet.Type == MqttPacketType.PubRec && packet.ReasonCode < MqttReasonCode.UnspecifiedError)
        {
            bool known;
            lock (_gate)
            {
                known = _inflight.TryGetValue(packet.PacketId, out var pending) && pending.SentOn == connection;
                if (known)
                {
                    pending!.Released = true;
                }
            }

            // QoS 2 step two; an unknown id still gets PUBREL so the broker can finish (0x92 Packet identifier not found, MQTT 5.0 section 3.6.2.1).
            var reason = known ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound;
            await connection.SendAsync((packet.PacketId, reason, connection.Version),
                static (writer, s) => MqttPacketEncoder.Ack(writer, MqttPacketType.PubRel, s.PacketId, s.reason, s.Version), connection.Closing);
            return;
        }

        var error = packet.ReasonCode >= MqttReasonCode.UnspecifiedError
            ? new MqttPublishException(packet.ReasonCode, $"broker rejected the publish ({packet.Type} {packet.ReasonCode}, 0x{(byte)packet.ReasonCode:X2}) {packet.Properties.ReasonString}".TrimEnd())
            : null;
        Complete(connection, packet.PacketId, error, packet.ReasonCode);
    }

    private void Complete(MqttConnection connection, ushort packetId, Exception? error, MqttReasonCode reason = MqttReasonCode.Success)
    {
        PendingPublish? pending;
        lock (_gate)
        {
            if (!_inflight.TryGetValue(packetId, out pending) || pending.SentOn != connection)
            {
                pending = null;
            }
            else
            {
                _inflight.Remove(packetId);
            }
        }

        if (pending is null)
        {
            _logger.UnknownPacketId(_options.ClientId, "acknowledgement", packetId);
            return;
        }

        connection.SendQuota.Release();
        if (error is null)
        {
            pending.TrySetResult(reason);
        }
        else
        {
            pending.TrySetException(error);
        }
    }

    /// <summary>Fails every unfinished publish: the client will not reconnect by itself. Call under the lock.</summary>
    private void FailPendingPublishes(Exception error)
    {
        foreach (var pending in _inflight.Values.Concat(_unsent))
        {
            pending.TrySetException(error);
        }

        _inflight.Clear();
        _unsent.Clear();
    }
}
