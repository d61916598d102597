namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>SPO2_SR: ADC samples per second (before averaging).</summary>
public enum Max30102SampleRate : byte
{
    Sps50 = 0,
    Sps100 = 1,
    Sps200 = 2,
    Sps400 = 3,
    Sps800 = 4,
    Sps1000 = 5,
    Sps1600 = 6,
    Sps3200 = 7,
}

/// <summary>LED_PW: LED pulse width, which also sets the ADC resolution (15 to 18 bits).</summary>
public enum Max30102PulseWidth : byte
{
    Us69 = 0,
    Us118 = 1,
    Us215 = 2,
    Us411 = 3,
}

/// <summary>SPO2_ADC_RGE: ADC full scale in nA (LSB 7.81, 15.63, 31.25, 62.5 pA).</summary>
public enum Max30102AdcRange : byte
{
    Na2048 = 0,
    Na4096 = 1,
    Na8192 = 2,
    Na16384 = 3,
}

/// <summary>
/// How the MAX30102 samples in SpO2 mode. The defaults: 400 samples/s averaged by 4 into the FIFO (100 a second,
/// 320 ms of FIFO), 411 µs pulses (18 bits), 4096 nA range, 6.4 mA on both LEDs — the usual finger-tip setting.
/// </summary>
public sealed record Max30102Settings
{
    private static readonly int[] Rates = [50, 100, 200, 400, 800, 1000, 1600, 3200];

    // Datasheet, Applications Information, SpO2 mode allowed settings: the fastest rate each pulse width allows.
    private static readonly Max30102SampleRate[] FastestRate =
        [Max30102SampleRate.Sps1600, Max30102SampleRate.Sps1000, Max30102SampleRate.Sps800, Max30102SampleRate.Sps400];

    public Max30102SampleRate SampleRate { get; init; } = Max30102SampleRate.Sps400;
    public Max30102PulseWidth PulseWidth { get; init; } = Max30102PulseWidth.Us411;
    public Max30102AdcRange AdcRange { get; init; } = Max30102AdcRange.Na4096;

    /// <summary>SMP_AVE: ADC samples averaged into one FIFO sample: 1, 2, 4, 8, 16 or 32.</summary>
    public int Averaging { get; init; } = 4;

    /// <summary>Red LED (LED1) current, 0 to 51 mA in 0.2 mA steps.</summary>
    public double RedCurrentMilliamps { get; init; } = 6.4;

    /// <summary>IR LED (LED2) current, 0 to 51 mA in 0.2 mA steps.</summary>
    public double IrCurrentMilliamps { get; init; } = 6.4;

    /// <summary>FIFO samples per second: the ADC rate over the averaging.</summary>
    public double SampleRateHz => (double)Rates[(int)SampleRate] / Averaging;

    /// <summary>How long the 32-sample FIFO takes to fill: the longest a reader may leave it (320 ms at the defaults).</summary>
    public TimeSpan FifoDuration => TimeSpan.FromSeconds(Max30102Registers.FifoDepth / SampleRateHz);

    /// <summary>Throws naming the setting that cannot work.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(SampleRate) || !Enum.IsDefined(PulseWidth) || !Enum.IsDefined(AdcRange))
            throw new ArgumentException($"Max30102Settings has a value the MAX30102 does not have: {this}");
        if (SampleRate > FastestRate[(int)PulseWidth])
            throw new ArgumentException(
                $"Max30102Settings.SampleRate {SampleRate} is not allowed with PulseWidth {PulseWidth} in SpO2 mode (datasheet: allowed settings); the fastest is {FastestRate[(int)PulseWidth]}");
        if (Averaging is not (1 or 2 or 4 or 8 or 16 or 32))
            throw new ArgumentException($"Max30102Settings.Averaging = {Averaging}: SMP_AVE averages 1, 2, 4, 8, 16 or 32 samples");
        CheckCurrent(RedCurrentMilliamps, nameof(RedCurrentMilliamps));
        CheckCurrent(IrCurrentMilliamps, nameof(IrCurrentMilliamps));
    }

    internal byte FifoConfig => (byte)(int.Log2(Averaging) << 5); // rollover off, A_FULL at 0 free slots

    internal byte Spo2Config => (byte)(((int)AdcRange << 5) | ((int)SampleRate << 2) | (int)PulseWidth);

    internal static byte PulseAmplitude(double milliamps) => (byte)Math.Round(milliamps / 0.2);

    private static void CheckCurrent(double milliamps, string name)
    {
        if (!(milliamps is >= 0 and <= 51))
            throw new ArgumentException($"Max30102Settings.{name} = {milliamps} mA: the LED drivers give 0 to 51 mA");
    }
}
