namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>Thresholds and the SpO2 calibration of <see cref="PpgAnalyzer"/>; the defaults suit a finger tip.</summary>
public sealed record PpgAnalyzerOptions
{
    /// <summary>
    /// IR counts (18-bit scale) below which there is no finger: with nothing on the window only ambient light
    /// and the cover glass's reflection come back. Set it for the LED current and ADC range in use.
    /// </summary>
    public int FingerThreshold { get; init; } = 50_000;

    /// <summary>Band-passed IR RMS over IR DC below which the pulse is too weak to trust (0.05 %).</summary>
    public double MinPerfusion { get; init; } = 0.0005;

    /// <summary>SpO2 = <see cref="Spo2Intercept"/> − <see cref="Spo2Slope"/> · R, the common linear approximation.</summary>
    public double Spo2Intercept { get; init; } = 104;

    public double Spo2Slope { get; init; } = 17;

    /// <summary>R outside this range is not a pulse oximetry signal the curve covers (SpO2 above 100 % or below 70 %).</summary>
    public double MinRatio { get; init; } = 0.3;

    public double MaxRatio { get; init; } = 2.0;

    /// <summary>Band-pass of the pulse signal: 0.5 Hz (30 bpm) to 4 Hz (the pulse's first harmonics).</summary>
    public double LowCutoffHz { get; init; } = 0.5;

    public double HighCutoffHz { get; init; } = 4.0;

    /// <summary>The slowest FIFO rate the analysis works at: 8 × <see cref="HighCutoffHz"/>.</summary>
    internal double MinSampleRateHz => 8 * HighCutoffHz;

    /// <summary>Time after a finger arrives before peaks are looked for, while filters and averages settle.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);
}
