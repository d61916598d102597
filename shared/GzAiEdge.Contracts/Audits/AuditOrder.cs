namespace GzAiEdge.Contracts.Audits;

/// <summary>
/// The order a device runs an audit's items in, from the manifest's seed: a Fisher-Yates shuffle of the positions
/// 0..n-1 of the inputs file, for i from n-1 down to 1 swapping i with <see cref="SplitMix64.Below"/>(i + 1) of a
/// generator seeded with the seed. The cloud derives the same order and refuses an answer that does not follow it.
/// </summary>
public static class AuditOrder
{
    /// <summary>The positions of the inputs file's <paramref name="count"/> items in the order they are run.</summary>
    public static int[] Of(long seed, int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var random = new SplitMix64((ulong)seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Below(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
