namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// Manual acknowledgement of one connection. PUBACKs must go out in the order the PUBLISH packets
/// arrived [MQTT-4.6.0-2], so an acknowledgement that comes early is held until those before it are in.
/// Not thread-safe: the client calls it under its lock.
/// </summary>
internal sealed class InboundAckQueue
{
    private readonly Queue<(long Sequence, ushort PacketId)> _order = new();
    private readonly HashSet<long> _acknowledged = [];
    private long _last;

    /// <summary>Messages received and not yet acknowledged to the broker (held ones included).</summary>
    public int Count => _order.Count;

    public long Add(ushort packetId)
    {
        _order.Enqueue((++_last, packetId));
        return _last;
    }

    /// <summary>Marks one message acknowledged and appends the packet ids that may now be sent, in order.</summary>
    public void Acknowledge(long sequence, List<ushort> ready)
    {
        if (!_order.TryPeek(out var head) || sequence < head.Sequence || sequence > _last || !_acknowledged.Add(sequence))
        {
            return;
        }

        while (_order.TryPeek(out head) && _acknowledged.Remove(head.Sequence))
        {
            _order.Dequeue();
            ready.Add(head.PacketId);
        }
    }
}
