using GzAiEdge.Devices.Sources;

namespace GzAiEdge.Devices.Replay;

/// <summary>
/// What frame and signal replays share: a <see cref="ReplayClock"/> that releases the inputs that fell due in
/// each tick (at <c>Source:Speed</c>), and the count of those read. A replay drops nothing: what is released and
/// not read this tick is read the next.
/// </summary>
public abstract class ReplaySource : ISource
{
    private DateTimeOffset _now;
    private long _lastTicks = -1;

    private protected ReplaySource(ReplayData replay, double rate, double speed)
    {
        if (speed <= 0 || !double.IsFinite(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "a replay's speed must be over 0");
        }

        Replay = replay;
        Clock = new ReplayClock(rate, replay.Manifest.Count, speed);
    }

    /// <summary>The data played, with its manifest (labels, events) for labelled evaluation.</summary>
    public ReplayData Replay { get; }

    public SourceStats Stats
    {
        get
        {
            var last = Volatile.Read(ref _lastTicks);
            return new SourceStats("replay", SourceState.Streaming, null, Clock.Released, Next, 0, 0,
                last < 0 ? null : new DateTimeOffset(last, TimeSpan.Zero));
        }
    }

    private protected ReplayClock Clock { get; }

    /// <summary>Sequence number of the next input to read.</summary>
    private protected long Next { get; private set; }

    /// <summary>Inputs released and not read yet.</summary>
    private protected long Pending => Clock.Released - Next;

    public void Advance(DateTimeOffset now, TimeSpan elapsed)
    {
        Clock.Advance(elapsed.TotalSeconds);
        _now = now;
    }

    /// <summary>Takes the next released input: its index within the data and when it fell due.</summary>
    private protected (int Index, DateTimeOffset Time) Take()
    {
        var time = _now - TimeSpan.FromSeconds(Clock.AgeOf(Next));
        var index = Clock.IndexOf(Next);
        Next++;
        Volatile.Write(ref _lastTicks, time.UtcTicks);
        return (index, time);
    }

    public void Dispose() => GC.SuppressFinalize(this);
}
