namespace GzAiEdge.Testing;

/// <summary>
/// Managed bytes a piece of code allocates in steady state, counted on the calling thread only, so
/// that tests running in parallel do not disturb the count. Deterministic: no clock is involved.
/// </summary>
public static class Allocations
{
    /// <summary>Bytes this thread allocates over <paramref name="iterations"/> runs of <paramref name="once"/> after 100 warm-up runs.</summary>
    public static long Of(Action once, int iterations = 10_000)
    {
        for (var i = 0; i < 100; i++)
        {
            once();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            once();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
