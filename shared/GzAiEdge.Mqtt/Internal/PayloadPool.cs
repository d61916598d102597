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
    private readonly FreeList<PayloadBuffer> _free = new(capacity);

    public PayloadBuffer Rent(ReadOnlySpan<byte> payload)
    {
        if (!_free.TryTake(out var buffer))
        {
            buffer = new PayloadBuffer(this, Math.Max(MinimumBytes, payload.Length));
        }

        buffer.Fill(payload);
        return buffer;
    }

    public void Return(PayloadBuffer buffer)
    {
        if (buffer.Capacity <= MaxKeptBytes)
        {
            _free.Give(buffer);
        }
    }
}
