namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// Payload buffers of one client, reused as received messages are released. Filled only by traffic:
/// an idle client holds none, a busy one up to <c>capacity</c> (the most messages it can have
/// unreleased: its channel). Buffers that grew past <see cref="MaxKeptBytes"/> are not kept.
/// Rent runs on the read loop, Return on whatever thread releases the message.
/// </summary>
internal sealed class PayloadPool(int capacity)
{
    public const int MaxKeptBytes = 64 * 1024;
    private const int MinimumBytes = 256;
    private readonly Lock _gate = new();
    private PayloadBuffer[] _free = [];
    private int _count;

    public PayloadBuffer Rent(ReadOnlySpan<byte> payload)
    {
        PayloadBuffer? buffer = null;
        lock (_gate)
        {
            if (_count > 0)
            {
                buffer = _free[--_count];
                _free[_count] = null!;
            }
        }

        buffer ??= new PayloadBuffer(this, Math.Max(MinimumBytes, payload.Length));
        buffer.Fill(payload);
        return buffer;
    }

    public void Return(PayloadBuffer buffer)
    {
        if (buffer.Capacity > MaxKeptBytes)
        {
            return;
        }

        lock (_gate)
        {
            if (_count == _free.Length)
            {
                if (_count >= capacity)
                {
                    return;
                }

                Array.Resize(ref _free, Math.Min(capacity, Math.Max(4, _count * 2)));
            }

            _free[_count++] = buffer;
        }
    }
}
