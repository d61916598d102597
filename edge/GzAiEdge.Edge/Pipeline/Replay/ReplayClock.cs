namespace GzAiEdge.Edge.Pipeline.Replay;

/// <summary>
/// Paces a replay: inputs at <see cref="Rate"/> per second of data, played <see cref="Speed"/> times faster
/// than real time, looping over <see cref="Count"/>. Position is kept in data time, so labelled timings
/// (onset to detection) are in the data's seconds whatever the speed.
/// </summary>
public sealed class ReplayClock(double rate, int count, double speed = 1)
{
    private double _elapsed;
    private long _emitted;

    public double Rate { get; } = rate;

    public int Count { get; } = count;

    public double Speed { get; } = speed;

    /// <summary>Advances by <paramref name="seconds"/>; returns how many inputs fell due.</summary>
    public int Advance(double seconds)
    {
        _elapsed += seconds * Speed;
        var due = (long)Math.Floor(_elapsed * Rate) - _emitted;
        _emitted += due;
        return (int)due;
    }

    /// <summary>The index (within the loop) of the <paramref name="k"/>-th input of the last <see cref="Advance"/> that returned <paramref name="due"/>.</summary>
    public int IndexOf(int k, int due) => (int)((_emitted - due + k) % Count);

    /// <summary>Seconds from the start of the data to input <paramref name="index"/>.</summary>
    public double TimeOf(int index) => index / Rate;
}
