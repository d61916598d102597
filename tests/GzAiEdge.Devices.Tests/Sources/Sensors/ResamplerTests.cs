using GzAiEdge.Devices.Sources.Sensors;

namespace GzAiEdge.Devices.Tests.Sources.Sensors;

public class ResamplerTests
{
    [Fact]
    public void A_tone_in_the_pass_band_comes_out_at_the_new_rate_at_each_outputs_own_time()
    {
        var (outputs, resampler) = Resample(hz: 75, seconds: 2);

        // The first output lies HalfTaps - 1 inputs in, and each waits for the HalfTaps inputs past it.
        Assert.Equal((int)((2000 - (2 * Resampler.HalfTaps)) * 512 / 1000.0) + 1, outputs.Count);
        for (var k = 0; k < outputs.Count; k++)
        {
            var t = resampler.PositionOf(k) / 1000;
            Assert.Equal(Math.Sin(2 * Math.PI * 75 * t), outputs[k], 0.002);
        }
    }

    [Fact]
    public void A_tone_above_the_new_nyquist_rate_is_filtered_out_rather_than_aliased()
    {
        // 400 Hz at 512 Hz would alias to 112 Hz; the kernel's stop band starts at 0.45 × 512 × 1.1.
        var (outputs, _) = Resample(hz: 400, seconds: 1);

        Assert.InRange(outputs.Max(Math.Abs), 0, 0.001);
    }

    [Fact]
    public void After_a_reset_the_first_output_waits_for_a_full_kernel_of_new_input()
    {
        var resampler = new Resampler(1000, 512);
        var output = new float[resampler.MaxOutputsPerInput];
        for (var i = 0; i < 100; i++)
        {
            resampler.Push(1, output);
        }

        resampler.Reset();
        var produced = 0;
        for (var i = 0; i < (Resampler.HalfTaps * 2) - 1; i++)
        {
            produced += resampler.Push(1, output);
        }

        Assert.Equal((0, 0L), (produced, resampler.Outputs));
        Assert.Equal(1, resampler.Push(1, output));
        Assert.Equal(1f, output[0], 0.0001f);
    }

    private static (List<float> Outputs, Resampler Resampler) Resample(double hz, double seconds)
    {
        var resampler = new Resampler(1000, 512);
        var output = new float[resampler.MaxOutputsPerInput];
        var outputs = new List<float>();
        for (var n = 0; n < seconds * 1000; n++)
        {
            var count = resampler.Push((float)Math.Sin(2 * Math.PI * hz * n / 1000), output);
            outputs.AddRange(output.AsSpan(0, count).ToArray());
        }

        return (outputs, resampler);
    }
}
