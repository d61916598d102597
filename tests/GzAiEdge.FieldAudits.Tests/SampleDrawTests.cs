using GzAiEdge.FieldAudits.Sampling;

namespace GzAiEdge.FieldAudits.Tests;

/// <summary>The draws depend only on the seed and public data, so anyone re-derives them once the seed is revealed.</summary>
public sealed class SampleDrawTests
{
    private const string Seed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static readonly string Hash = new('b', 64);

    [Fact]
    public void A_draw_is_the_same_for_the_same_inputs_and_differs_for_any_other()
    {
        var draw = SampleDraw.Derive(Seed, "tianhe-01", "cam-01", 42, Hash, "positive", 0);
        Assert.InRange(draw, 0, 1 - double.Epsilon);
        Assert.Equal(draw, SampleDraw.Derive(Seed, "tianhe-01", "cam-01", 42, Hash, "positive", 0));
        double[] others =
        [
            SampleDraw.Derive(Seed, "tianhe-01", "cam-01", 43, Hash, "positive", 0),
            SampleDraw.Derive(Seed, "tianhe-01", "cam-01", 42, new string('c', 64), "positive", 0),
            SampleDraw.Derive(Seed, "tianhe-01", "cam-01", 42, Hash, "negative", 0),
            SampleDraw.Derive(Seed, "tianhe-01", "cam-01", 42, Hash, "positive", 1),
            SampleDraw.Derive(Seed, "tianhe-01", "cam-02", 42, Hash, "positive", 0),
            SampleDraw.Derive(Seed.Replace("1f", "1e", StringComparison.Ordinal), "tianhe-01", "cam-01", 42, Hash, "positive", 0),
        ];
        Assert.DoesNotContain(draw, others);
    }

    [Fact]
    public void The_commitment_is_the_seeds_sha256_and_draws_spread_over_the_unit_interval()
    {
        Assert.Equal("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", SampleDraw.Commitment(Seed));
        var draws = Enumerable.Range(1, 4000).Select(seq => SampleDraw.Derive(Seed, "s", "d", seq, Hash, "positive", 0)).ToList();
        // Uniform: each tenth of [0, 1) holds about 400 of 4000 (a binomial sd of 19; ±100 is over 5 sd).
        Assert.All(Enumerable.Range(0, 10), b => Assert.InRange(draws.Count(d => (int)(d * 10) == b), 300, 500));
    }
}
