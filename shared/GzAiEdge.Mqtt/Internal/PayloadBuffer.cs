namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// The payload of one received message, in an array reused message after message. <see cref="Version"/>
/// moves on at every release, so a message handle from before can tell that the bytes are no longer its own.
/// </summary>
internal sealed class PayloadBuffer
{
    private readonly PayloadPool? _owner;
    private byte[] _array;
    private int _length;

    public PayloadBuffer(PayloadPool? owner, int capacity)
    {
        _owner = owner;
        _array = new byte[capacity];
    }

    /// <summary>Odd while a message holds the buffer, even while it is free; read with Volatile.</summary>
    public int Version;

    public int Capacity => _array.Length;

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, _length);

    /// <summary>Takes a copy of <paramref name="payload"/>; called by the pool when it hands the buffer out.</summary>
    public void Fill(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > _array.Length)
        {
            _array = new byte[Math.Max(payload.Length, _array.Length * 2)];
        }

        payload.CopyTo(_array);
        _length = payload.Length;
        Version++;
    }

    /// <summary>Ends the tenancy of the message that holds <paramref name="version"/>; only the first release of a tenancy counts.</summary>
    public void Release(int version)
    {
        if (Interlocked.CompareExchange(ref Version, version + 1, version) == version)
        {
            _owner?.Return(this);
        }
    }
}
