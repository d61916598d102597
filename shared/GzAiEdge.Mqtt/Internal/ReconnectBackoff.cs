namespace GzAiEdge.Mqtt.Internal;

/// <summary>Exponential backoff with jitter, so that a fleet that lost its broker does not reconnect in lockstep.</summary>
internal static class ReconnectBackoff
{
    /// <summary>The shortest life of a connection after which reconnecting starts again from the shortest delay.</summary>
    public static readonly TimeSpan HealthyMinimum = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The backoff attempt to start from after a connection accepted at <paramref name="acceptedAt"/>
    /// (<see cref="Environment.TickCount64"/>) was lost. A connection that lived at least as long as the longest delay
    /// (and <see cref="HealthyMinimum"/>) was healthy: start again from the shortest. One that died sooner carries the
    /// backoff on from the attempt that made it, because a broker that accepts and then drops the connection (in
    /// answer to a packet it refuses, say) would otherwise be reconnected to at the shortest delay for ever.
    /// </summary>
    public static int FirstAttemptAfter(long acceptedAt, int lastAttempt, TimeSpan maximum)
    {
        var lived = TimeSpan.FromMilliseconds(Environment.TickCount64 - acceptedAt);
        return lived >= maximum && lived >= HealthyMinimum ? 0 : lastAttempt + 1;
    }

    public static TimeSpan Delay(int attempt, TimeSpan minimum, TimeSpan maximum)
    {
        var ceiling = Math.Min(minimum.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)), maximum.TotalMilliseconds);

        // "Equal jitter": half of the delay is fixed, half random, so it never collapses to zero.
        var delay = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(Math.Clamp(delay, minimum.TotalMilliseconds, maximum.TotalMilliseconds));
    }
}
