namespace GzAiEdge.Inference.Processing;

/// <summary>
/// Overlapping windows over a multichannel time series: every <see cref="Hop"/> samples (once the first
/// <see cref="Length"/> have arrived) a window of the last <see cref="Length"/> samples is ready. Samples
/// are kept in a ring per channel, so adding a sample allocates nothing.
/// </summary>
public sealed class SlidingWindow
{
    private readonly float[] _ring;
    private int _next;
    private long _seen;

    public SlidingWindow(int length, int hop, int channels = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hop, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Length = length;
        Hop = hop;
        Channels = channels;
        _ring = new float[length * channels];
    }

    public int Length { get; }

    public int Hop { get; }

    public int Channels { get; }

    /// <summary>Samples added so far.</summary>
    public long Seen => _seen;

    /// <summary>Adds one sample (one value per channel); true when a window is ready to copy.</summary>
    public bool Add(ReadOnlySpan<float> sample)
    {
        if (sample.Length != Channels)
        {
            throw new ArgumentException($"a sample has {Channels} channels, got {sample.Length} values", nameof(sample));
        }

        for (var c = 0; c < Channels; c++)
        {
            _ring[(c * Length) + _next] = sample[c];
        }

        _next = (_next + 1) % Length;
        _seen++;
        return _seen >= Length && (_seen - Length) % Hop == 0;
    }

    /// <summary>Forgets the samples so far: the next window is full only after <see cref="Length"/> new ones.</summary>
    public void Clear() => (_next, _seen) = (0, 0);

    /// <summary>Adds a one-channel sample.</summary>
    public bool Add(float value) => Add([value]);

    /// <summary>Copies the current window, oldest first, channel-major (<c>[channels, length]</c>, as Conv1d takes it).</summary>
    public void CopyTo(Span<float> destination)
    {
        if (_seen < Length)
        {
            throw new InvalidOperationException($"only {_seen} of {Length} samples have arrived");
        }

        for (var c = 0; c < Channels; c++)
        {
            var ring = _ring.AsSpan(c * Length, Length);
            var target = destination.Slice(c * Length, Length);
            ring[_next..].CopyTo(target);
            ring[.._next].CopyTo(target[(Length - _next)..]);
        }
    }
}
