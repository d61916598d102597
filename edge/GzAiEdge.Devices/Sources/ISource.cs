namespace GzAiEdge.Devices.Sources;

/// <summary>
/// What every device source shares: how it is paced and how it is doing. A pipeline calls
/// <see cref="Advance"/> once per tick, then reads what it released; a replay releases what fell due in
/// the elapsed time (at its speed), a live source (a camera, a sensor FIFO) releases what has arrived
/// since the last tick. Tests drive a replay with explicit elapsed times, so a tick stays deterministic.
/// </summary>
public interface ISource : IDisposable
{
    /// <summary>How the source is doing, for the heartbeat: a snapshot, safe to read from any thread.</summary>
    SourceStats Stats { get; }

    /// <summary>
    /// Starts a tick that ends at <paramref name="now"/>, <paramref name="elapsed"/> after the last one. What
    /// is released now is what the next reads return; anything arriving later waits for the next tick, so a
    /// tick ends even when a live source delivers faster than the pipeline reads.
    /// </summary>
    void Advance(DateTimeOffset now, TimeSpan elapsed);
}
