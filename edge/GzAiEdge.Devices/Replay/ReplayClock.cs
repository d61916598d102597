namespace GzAiEdge.Devices.Replay;

/// <summary>
/// Paces a replay: inputs at <see cref="Rate"/> per second of data, played <see cref="Speed"/> times faster
/// than real time, looping over <see cref="Count"/>. Position is kept in data time, so labelled timings
/// (onset to detection) are in the data's seconds whatever the speed.
/// </summary>
public sealed class ReplayClock(double rate, int count, double speed = 1)
{
    private double _elapsed;

    public double Rate { get; } = rate;

    public int Count { get; } = count;

    public double Speed { get; } = speed;

    /// <summary>Inputs whose time has come since the start; input n of them is <see cref="IndexOf"/>(n) of the data.</summary>
    public long Released { get; private set; }

    /// <summary>Advances by <paramref name="seconds"/> of wall time; returns how many more inputs fell due.</summary>
    public int Advance(double seconds)
    {
        _elapsed += seconds * Speed;
        var released = (long)Math.Floor(_elapsed * Rate);
        var due = released - Released;
        Released = released;
        return (int)due;
    }

    /// <summary>The index within the data (it loops) of the <paramref name="sequence"/>-th input since the start.</summary>
    public int IndexOf(long sequence) => (int)(sequence % Count);

    /// <summary>Seconds from the start of the data to input <paramref name="index"/>.</summary>
    public double TimeOf(int index) => index / Rate;

    /// <summary>Wall seconds from when input <paramref name="sequence"/> fell due to the end of the last <see cref="Advance"/>.</summary>
    public double AgeOf(long sequence) => (_elapsed - (sequence / Rate)) / Speed;
}
