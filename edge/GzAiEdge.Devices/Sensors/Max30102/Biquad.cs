namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>
/// Second-order Butterworth section (Q = 1/√2), coefficients from R. Bristow-Johnson's "Audio EQ Cookbook",
/// run as transposed direct form II.
/// </summary>
internal struct Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _z1, _z2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        (_b0, _b1, _b2, _a1, _a2) = (b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    public static Biquad LowPass(double cutoffHz, double sampleRateHz)
    {
        var (cos, alpha) = Prewarp(cutoffHz, sampleRateHz);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad HighPass(double cutoffHz, double sampleRateHz)
    {
        var (cos, alpha) = Prewarp(cutoffHz, sampleRateHz);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public double Next(double x)
    {
        var y = _b0 * x + _z1;
        _z1 = _b1 * x - _a1 * y + _z2;
        _z2 = _b2 * x - _a2 * y;
        return y;
    }

    public void Reset() => (_z1, _z2) = (0, 0);

    private static (double Cos, double Alpha) Prewarp(double cutoffHz, double sampleRateHz)
    {
        var w0 = 2 * Math.PI * cutoffHz / sampleRateHz;
        return (Math.Cos(w0), Math.Sin(w0) / Math.Sqrt(2)); // alpha = sin(w0) / (2Q), Q = 1/√2
    }
}
