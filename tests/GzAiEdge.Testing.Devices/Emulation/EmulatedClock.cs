namespace GzAiEdge.Testing.Devices.Emulation;

/// <summary>
/// Time for an emulated chip and the driver that talks to it. It stands still until a test advances it or the
/// driver waits: a wait (<c>Task.Delay</c> on this provider) moves the clock by exactly its length and completes,
/// so tests run at CPU speed and the chip sees precisely the delays the driver asked for.
/// </summary>
public sealed class EmulatedClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;
    private long _waited;

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>Total time the driver spent in waits.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waited));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan)
            throw new NotSupportedException("the emulated clock runs one-shot waits only");
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
            Interlocked.Add(ref _waited, dueTime.Ticks);
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
