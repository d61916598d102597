namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>
/// The samples a sensor source released and the pipeline has not read yet: a ring allocated once. A pipeline that
/// falls a whole ring behind loses the oldest, which are counted.
/// </summary>
internal sealed class SampleQueue(int channels, int capacity)
{
    private readonly float[] _values = new float[channels * capacity];
    private readonly SampleStamp[] _stamps = new SampleStamp[capacity];
    private int _head;
    private int _count;

    /// <summary>Samples overwritten before they were read.</summary>
    public long Overwritten { get; private set; }

    public void Add(ReadOnlySpan<float> values, SampleStamp stamp)
    {
        if (_count == capacity)
        {
            _head = (_head + 1) % capacity;
            _count--;
            Overwritten++;
        }

        var slot = (_head + _count) % capacity;
        values.CopyTo(_values.AsSpan(slot * channels, channels));
        _stamps[slot] = stamp;
        _count++;
    }

    /// <summary>Moves as many samples as fit into the spans, oldest first; returns how many.</summary>
    public int Take(Span<float> values, Span<SampleStamp> stamps)
    {
        var count = Math.Min(_count, Math.Min(values.Length / channels, stamps.Length));
        for (var i = 0; i < count; i++)
        {
            _values.AsSpan(_head * channels, channels).CopyTo(values.Slice(i * channels, channels));
            stamps[i] = _stamps[_head];
            _head = (_head + 1) % capacity;
        }

        _count -= count;
        return count;
    }
}
