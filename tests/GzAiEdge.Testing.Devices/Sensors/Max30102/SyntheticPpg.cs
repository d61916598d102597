namespace GzAiEdge.Testing.Devices.Sensors.Max30102;

/// <summary>
/// A finger-tip photoplethysmogram with a known heart rate and a known ratio of ratios. Each beat is a systolic
/// wave and a smaller, later diastolic wave (two Gaussians); blood absorbs light, so the pulse lowers both
/// channels: IR by <see cref="Perfusion"/> of its DC at the peak, red by <see cref="Ratio"/> times that, which makes
/// (AC_red/DC_red)/(AC_ir/DC_ir) = <see cref="Ratio"/> exactly. Breathing moves both channels' baseline by the same
/// fraction; sensor noise is Gaussian, the same in counts on both channels, from a fixed seed.
/// </summary>
public sealed class SyntheticPpg(double heartRateBpm, double ratio, int seed = 7)
{
    private readonly Random _random = new(seed);

    public double HeartRateBpm => heartRateBpm;

    public double Ratio => ratio;

    public double IrDc { get; init; } = 120_000;

    public double RedDc { get; init; } = 90_000;

    /// <summary>Peak pulse depth of IR relative to its DC.</summary>
    public double Perfusion { get; init; } = 0.01;

    /// <summary>Baseline change with breathing (0.25 Hz), relative to DC.</summary>
    public double Breathing { get; init; } = 0.002;

    /// <summary>Standard deviation of the noise in counts.</summary>
    public double NoiseCounts { get; init; } = 30;

    public (int Red, int Ir) At(double seconds)
    {
        var phase = seconds * heartRateBpm / 60 % 1;
        var pulse = Gauss(phase, 0.15, 0.06) + 0.35 * Gauss(phase, 0.45, 0.09);
        var baseline = 1 + Breathing * Math.Sin(2 * Math.PI * 0.25 * seconds);
        var ir = IrDc * baseline * (1 - Perfusion * pulse) + NoiseCounts * Normal();
        var red = RedDc * baseline * (1 - ratio * Perfusion * pulse) + NoiseCounts * Normal();
        return ((int)Math.Round(red), (int)Math.Round(ir));
    }

    public double ExpectedSpo2 => 104 - 17 * ratio;

    private static double Gauss(double x, double mean, double width) => Math.Exp(-Math.Pow((x - mean) / width, 2));

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
