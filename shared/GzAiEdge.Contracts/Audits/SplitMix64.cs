namespace GzAiEdge.Contracts.Audits;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a tiny generator
/// whose every output is fixed by its seed on any platform and runtime, so that a device and the cloud derive the same
/// item order from a seed, and a bootstrap gives the same interval every time. Not for secrets.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>): the next value modulo the bound (the bias is below 2^-40 for any bound an audit has).</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);
}
