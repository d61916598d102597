namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// Manual acknowledgement of one connection. PUBACKs must go out in the order the PUBLISH packets
/// arrived [MQTT-4.6.0-2], so an acknowledgement that comes early is held until those before it are in.
/// A ring of the unacknowledged messages in receive order (sequence numbers are consecutive, so a
/// message's slot is its distance from the oldest); it grows with the most held at once and then
/// allocates no more. Not thread-safe: the client calls it under its lock.
/// </summary>
internal sealed class InboundAckQueue
{
    private ushort[] _packetIds = new ushort[16];
    private bool[] _acknowledged = new bool[16];
    private long _oldest = 1;
    private int _head;
    private int _count;

    /// <summary>Messages received and not yet acknowledged to the broker (held ones included).</summary>
    public int Count => _count;

    public long Add(ushort packetId)
    {
        if (_count == _packetIds.Length)
        {
            Grow();
        }

        var slot = (_head + _count) % _packetIds.Length;
        _packetIds[slot] = packetId;
        _acknowledged[slot] = false;
        _count++;
        return _oldest + _count - 1;
    }

    /// <summary>Marks one message acknowledged and appends the packet ids that may now be sent, in order.</summary>
    public void Acknowledge(long sequence, List<ushort> ready)
    {
        var distance = sequence - _oldest;
        if (distance < 0 || distance >= _count)
        {
            return;
        }

        var slot = (int)((_head + distance) % _packetIds.Length);
        if (_acknowledged[slot])
        {
            return;
        }

        _acknowledged[slot] = true;
        while (_count > 0 && _acknowledged[_head])
        {
            ready.Add(_packetIds[_head]);
            _head = (_head + 1) % _packetIds.Length;
            _count--;
            _oldest++;
        }
    }

    private void Grow()
    {
        var ids = new ushort[_packetIds.Length * 2];
        var acknowledged = new bool[ids.Length];
        for (var i = 0; i < _count; i++)
        {
            var slot = (_head + i) % _packetIds.Length;
            ids[i] = _packetIds[slot];
            acknowledged[i] = _acknowledged[slot];
        }

        (_packetIds, _acknowledged, _head) = (ids, acknowledged, 0);
    }
}
