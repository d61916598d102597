using System.Runtime.CompilerServices;
using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>Most PUBLISH packets the pump puts into one write.</summary>
    private const int MaxPublishBurst = 256;

    /// <summary>
    /// Publishes a message. QoS 0 completes when written; QoS 1 when PUBACK arrives (QoS 2 on PUBCOMP).
    /// A QoS 1/2 publish survives reconnects: it is resent (DUP=1 when the session was resumed) and completes then.
    /// Publishes are pipelined: as many as the broker's Receive Maximum allows are in flight, and those
    /// queued together go out in one write. Returns the broker's reason code: <see cref="MqttReasonCode.Success"/>,
    /// or below 0x80 a success with a remark, e.g. <see cref="MqttReasonCode.NoMatchingSubscribers"/> (0x10):
    /// accepted but delivered to nobody. Await the result once (or call <c>AsTask()</c>): its source is reused.
    /// Cancelling stops the wait; a publish already sent is still resent until the broker acknowledges it.
    /// </summary>
    /// <exception cref="MqttPublishException">The broker answered with a reason code of 0x80 or above.</exception>
    /// <exception cref="MqttException">Not connected and no automatic reconnect will happen.</exception>
    public ValueTask<MqttReasonCode> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic is not { Length: > 0 } topic || topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            return ValueTask.FromException<MqttReasonCode>(new ArgumentException(
                $"'{message.Topic}' is not a valid topic name: it must be non-empty and without wildcards [MQTT-3.3.2-2]", nameof(message)));
        }

        if (message.Qos == MqttQualityOfService.AtMostOnce)
        {
            return PublishAtMostOnceAsync(message, cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<MqttReasonCode>(cancellationToken);
        }

        PendingPublish pending;
        MqttConnection? connection;
        lock (_gate)
        {
            if (Unusable() is { } error)
            {
                return ValueTask.FromException<MqttReasonCode>(error);
            }

            pending = _pendingPool.Rent(message, ++_publishSequence);
            _unsent.Enqueue(pending);
            connection = _connection;
        }

        pending.WatchCancellation(cancellationToken);
        connection?.PublishSignal.Set();
        return pending.Task;
    }

    // At most once: a publish cut off by a lost connection is not repeated.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<MqttReasonCode> PublishAtMostOnceAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var connection = await WaitForConnectionAsync(cancellationToken);
        await connection.SendAsync((message, connection.Version),
            static (writer, s) => MqttPacketEncoder.Publish(writer, s.message, 0, false, s.Version), cancellationToken);
        return MqttReasonCode.Success;
    }

    /// <summary>
    /// After CONNACK: every unfinished publish goes back in the send queue in its original order
    /// [MQTT-4.6.0-1]; those sent before are marked DUP when the session was resumed [MQTT-4.4.0-1].
    /// Call under the lock; returns how many had been sent before.
    /// </summary>
    private int RequeueForResend(bool sessionPresent)
    {
        var all = new List<PendingPublish>(_inflight.Count + _unsent.Count);
        all.AddRange(_inflight.Values);
        _inflight.Clear();
        var resent = all.Count;
        foreach (var pending in _unsent)
        {
            // One with a packet id is in flight as well (requeued by an earlier reconnect): it is in the list already.
            if (pending.Abandoned)
            {
                pending.ReleaseByClient();
            }
            else if (pending.PacketId == 0)
            {
                all.Add(pending);
            }
        }

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

    /// <summary>
    /// Sends queued QoS 1/2 publishes, never more in flight than the broker's Receive Maximum
    /// [MQTT-3.3.4-7]. Each wake-up takes everything the quota allows (up to a burst) and writes it in one go.
    /// </summary>
    private async Task RunPublishPumpAsync(MqttConnection connection)
    {
        var burst = new List<PendingPublish>();
        var tooLarge = new List<PendingPublish>();
        try
        {
            while (await connection.PublishSignal.WaitAsync())
            {
                while (TakeSendable(connection, burst))
                {
                    await connection.SendAsync((connection, burst, tooLarge), static (writer, s) => EncodeBurst(writer, s.connection, s.burst, s.tooLarge),
                        connection.Closing);
                    foreach (var pending in tooLarge)
                    {
                        Complete(connection, pending.PacketId, new MqttPublishException(MqttReasonCode.PacketTooLarge,
                            $"the publish on '{pending.Message.Topic}' exceeds the broker's maximum packet size {connection.ServerMaximumPacketSize} [MQTT-3.1.2-24]"));
                    }

                    burst.Clear();
                    tooLarge.Clear();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionLostException)
        {
            // The connection ended; the read loop reports why and the next connection resends.
        }
    }

    /// <summary>Moves what may be sent now from the queue into <paramref name="burst"/>, giving packet ids; false when nothing may.</summary>
    private bool TakeSendable(MqttConnection connection, List<PendingPublish> burst)
    {
        lock (_gate)
        {
            while (connection.SendQuota > 0 && burst.Count < MaxPublishBurst && _unsent.TryDequeue(out var pending))
            {
                if (pending.Abandoned)
                {
                    pending.ReleaseByClient();
                    continue;
                }

                if (pending.PacketId == 0)
                {
                    pending.PacketId = NextPacketId();
                    _inflight[pending.PacketId] = pending;
                }

                pending.SentOn = connection;
                connection.SendQuota--;
                burst.Add(pending);
            }
        }

        return burst.Count > 0;
    }

    private static void EncodeBurst(PacketWriter writer, MqttConnection connection, List<PendingPublish> burst, List<PendingPublish> tooLarge)
    {
        foreach (var pending in burst)
        {
            var mark = writer.Mark;
            var packet = pending.Released
                ? MqttPacketEncoder.Ack(writer, MqttPacketType.PubRel, pending.PacketId, MqttReasonCode.Success, connection.Version)
                : MqttPacketEncoder.Publish(writer, pending.Message, pending.PacketId, pending.Duplicate, connection.Version);
            if (packet.Length > connection.ServerMaximumPacketSize)
            {
                writer.Truncate(mark);
                tooLarge.Add(pending);
            }
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
        bool more;
        lock (_gate)
        {
            if (!_inflight.TryGetValue(packetId, out pending) || pending.SentOn != connection)
            {
                pending = null;
            }
            else
            {
                _inflight.Remove(packetId);
                connection.SendQuota++;
            }

            more = _unsent.Count > 0;
        }

        if (pending is null)
        {
            _logger.UnknownPacketId(_options.ClientId, "acknowledgement", packetId);
            return;
        }

        if (more)
        {
            // The read loop wakes the pump once it has handled all it read (FlushReadBatch), so that the
            // pump finds all the quota those PUBACKs returned and sends one burst, not one publish per PUBACK.
            connection.QuotaReturned = true;
        }

        if (error is null)
        {
            pending.TrySetResult(reason);
        }
        else
        {
            pending.TrySetException(error);
        }

        pending.ReleaseByClient();
    }

    /// <summary>Fails every unfinished publish: the client will not reconnect by itself. Call under the lock.</summary>
    private void FailPendingPublishes(Exception error)
    {
        foreach (var pending in _inflight.Values.Concat(_unsent.Where(p => p.PacketId == 0)))
        {
            pending.TrySetException(error);
            pending.ReleaseByClient();
        }

        _inflight.Clear();
        _unsent.Clear();
    }
}
