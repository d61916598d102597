using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Inference.Tests.Processing;

public sealed class SeriesAndClassificationTests
{
    [Fact]
    public void Softmax_of_zero_and_ln3_is_a_quarter_and_three_quarters()
    {
        var p = new float[2];

        Classification.Softmax([0f, MathF.Log(3)], p);

        Assert.Equal(0.25f, p[0], 5);
        Assert.Equal(0.75f, p[1], 5);
    }

    [Fact]
    public void Top_k_is_best_first_with_ties_to_the_lower_class()
    {
        var top = new (int, float)[2];

        var n = Classification.TopK([0.1f, 0.5f, 0.2f, 0.5f, 0.3f], top);

        Assert.Equal(2, n);
        Assert.Equal([(1, 0.5f), (3, 0.5f)], top);
    }

    [Fact]
    public void Top_k_with_more_slots_than_classes_fills_what_there_is()
    {
        var top = new (int, float)[5];

        Assert.Equal(3, Classification.TopK([0.2f, 0.7f, 0.1f], top));
        Assert.Equal([(1, 0.7f), (0, 0.2f), (2, 0.1f)], top[..3]);
    }

    [Fact]
    public void Reconstruction_error_is_the_mean_squared_difference()
    {
        var error = ReconstructionError.MeanSquared([1f, 2, 3, 4], [1f, 2, 3, 6]);

        Assert.Equal(1f, error, 5);
        Assert.True(ReconstructionError.IsAnomalous(error, 0.5f));
        Assert.False(ReconstructionError.IsAnomalous(error, 1f));
    }

    [Fact]
    public void A_sliding_window_is_ready_every_hop_once_full_and_oldest_first()
    {
        var window = new SlidingWindow(length: 4, hop: 2);
        var ready = new List<float[]>();

        for (var v = 1; v <= 9; v++)
        {
            if (window.Add(v))
            {
                var w = new float[4];
                window.CopyTo(w);
                ready.Add(w);
            }
        }

        Assert.Equal([[1, 2, 3, 4], [3, 4, 5, 6], [5, 6, 7, 8]], ready);
    }

    [Fact]
    public void A_multichannel_window_is_channel_major()
    {
        var window = new SlidingWindow(length: 3, hop: 1, channels: 2);
        for (var t = 0; t < 4; t++)
        {
            window.Add([t, 10 * t]);
        }

        var w = new float[6];
        window.CopyTo(w);

        Assert.Equal([1, 2, 3, 10, 20, 30], w);
    }
}
