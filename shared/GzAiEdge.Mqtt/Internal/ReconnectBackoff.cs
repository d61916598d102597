namespace GzAiEdge.Mqtt.Internal;

/// <summary>Exponential backoff with jitter, so that a fleet that lost its broker does not reconnect in lockstep.</summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan minimum, TimeSpan maximum)
    {
        var ceiling = Math.Min(minimum.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)), maximum.TotalMilliseconds);

        // "Equal jitter": half of the delay is fixed, half random, so it never collapses to zero.
        var delay = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(Math.Clamp(delay, minimum.TotalMilliseconds, maximum.TotalMilliseconds));
    }
}
