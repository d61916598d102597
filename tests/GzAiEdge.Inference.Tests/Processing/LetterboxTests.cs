using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Inference.Tests.Processing;

public sealed class LetterboxTests
{
    [Fact]
    public void A_4_by_3_camera_frame_fits_a_square_input_with_bars_top_and_bottom()
    {
        var t = Letterbox.Fit(160, 120, 128, 128);

        Assert.Equal(new LetterboxTransform(0.8f, 0, 16, 128, 96), t);
        Assert.Equal((100f, 50f), t.ToFrame(80, 56));
    }

    [Fact]
    public void Same_scale_copies_pixels_into_planes_between_grey_bars()
    {
        // 4x2 frame into 4x4: scale 1, one grey row above and below; R = 10x + 100y, G = 1, B = 255.
        var rgb = Frame(4, 2, (x, y) => (10 * x + 100 * y, 1, 255));
        var chw = new float[3 * 16];

        var t = Letterbox.ToChw(rgb, 4, 2, chw, 4, 4);

        Assert.Equal(new LetterboxTransform(1, 0, 1, 4, 2), t);
        Assert.Equal(Enumerable.Repeat(Letterbox.PadValue, 4), chw[0..4]);
        AssertClose(new[] { 0f, 10, 20, 30, 100, 110, 120, 130 }.Select(v => v / 255f).ToArray(), chw[4..12]);
        Assert.Equal(Enumerable.Repeat(Letterbox.PadValue, 4), chw[12..16]);
        Assert.Equal(1 / 255f, chw[16 + 4]);
        Assert.Equal(1f, chw[32 + 4]);
    }

    [Fact]
    public void Halving_averages_each_two_by_two_block()
    {
        // Half-pixel centres: output pixel 0 samples source 0.5, the mean of source pixels 0 and 1.
        var rgb = Frame(4, 4, (x, y) => (10 * x + 40 * y, 0, 0));
        var chw = new float[3 * 4];

        Letterbox.ToChw(rgb, 4, 4, chw, 2, 2);

        AssertClose(new[] { 25f, 45, 105, 125 }.Select(v => v / 255f).ToArray(), chw[0..4]);
    }

    [Fact]
    public void Doubling_interpolates_between_pixels_and_clamps_at_the_edges()
    {
        // 2x1 frame (R 0 and 200) into 4x4: scale 2, width 4, height 2, one bar row above and below.
        // Output x 0..3 sample source -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        var rgb = Frame(2, 1, (x, _) => (200 * x, 0, 0));
        var chw = new float[3 * 16];

        var t = Letterbox.ToChw(rgb, 2, 1, chw, 4, 4);

        Assert.Equal((2f, 1), (t.Scale, t.PadY));
        AssertClose(new[] { 0f, 50, 150, 200, 0, 50, 150, 200 }.Select(v => v / 255f).ToArray(), chw[4..12]);
    }

    [Fact]
    public void Normalize_subtracts_the_mean_and_divides_by_the_deviation_per_channel()
    {
        float[] chw = [0.5f, 1f, 0.5f, 1f, 0.5f, 1f];

        Letterbox.Normalize(chw, 2, [0.5f, 0f, 1f], [0.25f, 0.5f, 0.5f]);

        AssertClose([0, 2, 1, 2, -1, 0], chw);
    }

    [Fact]
    public void A_frame_shorter_than_its_size_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Letterbox.ToChw(new byte[10], 4, 4, new float[48], 4, 4));

        Assert.Contains("4x4 RGB needs 48", ex.Message);
    }

    internal static byte[] Frame(int width, int height, Func<int, int, (int R, int G, int B)> pixel)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                var i = ((y * width) + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)Math.Min(r, 255), (byte)g, (byte)b);
            }
        }

        return rgb;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}
