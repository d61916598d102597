using GzAiEdge.Devices.Sensors.Max30102;
using GzAiEdge.Testing.Devices.Sensors.Max30102;

namespace GzAiEdge.Devices.Tests.Sensors.Max30102;

public sealed class PpgAnalyzerTests
{
    private const double Rate = 100;

    [Fact]
    public void Heart_rate_and_spo2_of_a_72_bpm_pulse_with_known_ratio()
    {
        var ppg = new SyntheticPpg(72, ratio: 0.6);

        var reading = Run(new PpgAnalyzer(Rate), ppg, seconds: 15);

        Assert.True(reading.FingerDetected);
        Assert.InRange(reading.HeartRateBpm!.Value, 70, 74);
        Assert.InRange(reading.Spo2Percent!.Value, 92.8, 94.8); // 104 − 17 · 0.6 = 93.8 %
        Assert.InRange(reading.RatioOfRatios!.Value, 0.58, 0.62);
    }

    [Theory]
    [InlineData(45, 0.5)]
    [InlineData(60, 0.8)]
    [InlineData(95, 1.0)]
    [InlineData(120, 0.45)]
    [InlineData(170, 0.7)]
    public void Heart_rate_within_2_bpm_and_spo2_within_1_percent_across_the_range(double bpm, double ratio)
    {
        var ppg = new SyntheticPpg(bpm, ratio, seed: (int)bpm);

        var reading = Run(new PpgAnalyzer(Rate), ppg, seconds: 20);

        Assert.InRange(reading.HeartRateBpm!.Value, bpm - 2, bpm + 2);
        Assert.InRange(reading.Spo2Percent!.Value, Math.Min(100, ppg.ExpectedSpo2) - 1, Math.Min(100, ppg.ExpectedSpo2) + 1);
    }

    [Fact]
    public void No_finger_reads_null()
    {
        var ppg = new SyntheticPpg(72, 0.6) { IrDc = 4_000, RedDc = 3_000 };

        var reading = Run(new PpgAnalyzer(Rate), ppg, seconds: 10);

        Assert.Equal(new PpgReading(false, null, null, null, null), reading);
    }

    [Fact]
    public void Lifting_the_finger_clears_the_reading_at_once()
    {
        var analyzer = new PpgAnalyzer(Rate);
        Assert.NotNull(Run(analyzer, new SyntheticPpg(72, 0.6), seconds: 12).HeartRateBpm);

        var lifted = analyzer.Add(2_900, 3_500);

        Assert.Equal(default, lifted);
        Assert.Null(analyzer.Add(90_000, 120_000).HeartRateBpm); // back on: it starts over
    }

    [Fact]
    public void Nothing_is_reported_before_enough_beats()
    {
        var reading = Run(new PpgAnalyzer(Rate), new SyntheticPpg(72, 0.6), seconds: 3);

        Assert.True(reading.FingerDetected);
        Assert.Null(reading.HeartRateBpm);
        Assert.Null(reading.Spo2Percent);
    }

    [Fact]
    public void A_finger_without_a_pulse_reads_null_not_a_rate_from_noise()
    {
        var still = new SyntheticPpg(72, 0.6) { Perfusion = 0, Breathing = 0 };

        var reading = Run(new PpgAnalyzer(Rate), still, seconds: 15);

        Assert.True(reading.FingerDetected);
        Assert.Null(reading.HeartRateBpm);
        Assert.Null(reading.Spo2Percent);
    }

    [Fact]
    public void A_ratio_outside_the_curve_gives_a_heart_rate_but_no_spo2()
    {
        var reading = Run(new PpgAnalyzer(Rate), new SyntheticPpg(72, ratio: 2.6), seconds: 15);

        Assert.NotNull(reading.HeartRateBpm);
        Assert.Null(reading.Spo2Percent);
    }

    [Fact]
    public void Too_slow_a_sample_rate_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpgAnalyzer(12.5));
    }

    [Fact]
    public void Adding_samples_allocates_nothing()
    {
        var analyzer = new PpgAnalyzer(Rate);
        var ppg = new SyntheticPpg(72, 0.6);
        var samples = Enumerable.Range(0, 1500).Select(i => ppg.At(i / Rate)).ToArray();

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (red, ir) in samples)
            analyzer.Add(red, ir);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotNull(analyzer.Current.HeartRateBpm);
    }

    private static PpgReading Run(PpgAnalyzer analyzer, SyntheticPpg ppg, double seconds)
    {
        for (var i = 0; i < seconds * Rate; i++)
        {
            var (red, ir) = ppg.At(i / Rate);
            analyzer.Add(red, ir);
        }
        return analyzer.Current;
    }
}
