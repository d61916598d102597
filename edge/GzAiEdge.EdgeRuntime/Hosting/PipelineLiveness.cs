namespace GzAiEdge.EdgeRuntime.Hosting;

/// <summary>
/// When the pipeline loop last finished a tick. The watchdog is fed only while this stays recent, so that a hung
/// pipeline (a stuck model run, a blocked source) gets the worker restarted even though the process lives on.
/// </summary>
public sealed class PipelineLiveness(TimeProvider time)
{
    private long _lastTick = -1;

    /// <summary>Whether the pipeline has finished a tick yet.</summary>
    public bool HasTicked => Volatile.Read(ref _lastTick) >= 0;

    /// <summary>Called by the pipeline after each tick; allocation-free.</summary>
    public void Beat() => Volatile.Write(ref _lastTick, time.GetTimestamp());

    /// <summary>Time since the last finished tick; null before the first.</summary>
    public TimeSpan? SinceLastTick => Volatile.Read(ref _lastTick) is var last and >= 0 ? time.GetElapsedTime(last) : null;

    /// <summary>
    /// Whether the pipeline counts as alive: it ticked within <paramref name="limit"/>. The caller picks a limit
    /// well above the tick period, so that a slow but working tick is not taken for a hang.
    /// </summary>
    public bool IsAlive(TimeSpan limit) => SinceLastTick is { } since && since <= limit;
}
