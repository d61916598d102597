namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>
/// Which sensor a device reads and how (config section <c>Source:Sensor</c>). Bound from configuration, so every
/// property is settable and text is parsed here (<see cref="Check"/> names the key of each mistake). A chip's
/// settings left unset (null) take the driver's defaults (<c>Mpu6050Settings</c>, <c>Max30102Settings</c>,
/// <c>Bme280Settings</c>, <c>PulseCounterOptions</c>); a setting of another chip is refused, so that a typo in the
/// chip does not silently ignore the rest. <see cref="Bus"/> and <see cref="GpioChip"/> are ignored by the chips that
/// do not use them, so that a board profile can supply both for every device.
/// </summary>
public sealed partial class SensorOptions
{
    public const string Mpu6050 = "mpu6050", Max30102 = "max30102", Bme280 = "bme280", PulseCounter = "pulse-counter";

    public static readonly IReadOnlyList<string> Chips = [Mpu6050, Max30102, Bme280, PulseCounter];

    /// <summary>One of <see cref="Chips"/>.</summary>
    public string Chip { get; set; } = string.Empty;

    /// <summary>I2C chips: N of <c>/dev/i2c-N</c> (<c>1</c>, <c>i2c-1</c> or <c>/dev/i2c-1</c>); 1 when unset, the Raspberry Pi's header bus.</summary>
    public string? Bus { get; set; }

    /// <summary>I2C chips: the 7-bit address, hex (<c>0x68</c>) or decimal; the chip's default when unset.</summary>
    public string? Address { get; set; }

    /// <summary>First wait before opening the sensor again after an error, in seconds; doubled while it keeps failing.</summary>
    public double BackoffSeconds { get; set; } = 1;

    /// <summary>Longest wait before opening the sensor again.</summary>
    public double MaxBackoffSeconds { get; set; } = 30;

    /// <summary>mpu6050: the axis delivered, <c>x</c>, <c>y</c> or <c>z</c> (default: z, across the board, radial on a housing it lies on).</summary>
    public string? Axis { get; set; }

    /// <summary>mpu6050: full scale in g, 2, 4, 8 or 16 (AFS_SEL; default 4).</summary>
    public int? AccelRangeG { get; set; }

    /// <summary>mpu6050: low-pass bandwidth in Hz, 260 (off), 184, 94, 44, 21, 10 or 5 (DLPF_CFG; default 184).</summary>
    public int? BandwidthHz { get; set; }

    /// <summary>mpu6050: SMPLRT_DIV, 0 to 255 (default 0: 1 kHz).</summary>
    public int? SampleRateDivider { get; set; }

    /// <summary>mpu6050: the rate delivered, the model's (default 512 Hz, models/vibration-autoencoder.md).</summary>
    public double? ResampleHz { get; set; }

    /// <summary>max30102: ADC samples per second, 50, 100, 200, 400, 800, 1000, 1600 or 3200 (SPO2_SR; default 400).</summary>
    public int? SampleRate { get; set; }

    /// <summary>max30102: LED pulse width in µs, 69, 118, 215 or 411 (LED_PW; default 411, 18 bits).</summary>
    public int? PulseWidthUs { get; set; }

    /// <summary>max30102: ADC full scale in nA, 2048, 4096, 8192 or 16384 (SPO2_ADC_RGE; default 4096).</summary>
    public int? AdcRangeNa { get; set; }

    /// <summary>max30102: samples averaged into one FIFO sample, 1 to 32 (SMP_AVE; default 4: 100 a second).</summary>
    public int? Averaging { get; set; }

    /// <summary>max30102: red LED current, 0 to 51 mA (default 6.4).</summary>
    public double? RedCurrentMa { get; set; }

    /// <summary>max30102: IR LED current, 0 to 51 mA (default 6.4).</summary>
    public double? IrCurrentMa { get; set; }

    /// <summary>max30102: IR counts below which no finger is on the sensor (default 50000, for the default currents and range).</summary>
    public int? FingerThreshold { get; set; }

    /// <summary>bme280: temperature oversampling, 1, 2, 4, 8 or 16 (osrs_t; default 1).</summary>
    public int? TemperatureOversampling { get; set; }

    /// <summary>bme280: pressure oversampling, 1 to 16 (osrs_p; default 1).</summary>
    public int? PressureOversampling { get; set; }

    /// <summary>bme280: humidity oversampling, 1 to 16 (osrs_h; default 1).</summary>
    public int? HumidityOversampling { get; set; }

    /// <summary>bme280: IIR filter coefficient, 0 (off), 2, 4, 8 or 16 (default 0).</summary>
    public int? Filter { get; set; }

    /// <summary>pulse-counter: the GPIO chip, a path or a name (<c>/dev/gpiochip0</c>, <c>gpiochip4</c>; default /dev/gpiochip0).</summary>
    public string? GpioChip { get; set; }

    /// <summary>pulse-counter: the line, an offset on the chip (<c>17</c>) or the board's name for it (<c>GPIO17</c>).</summary>
    public string? Line { get; set; }

    /// <summary>pulse-counter: the detector pulls the line low when it detects (relay contacts, open collectors).</summary>
    public bool? ActiveLow { get; set; }

    /// <summary>pulse-counter: <c>as-is</c>, <c>disabled</c>, <c>pull-up</c> or <c>pull-down</c> (default as-is).</summary>
    public string? Bias { get; set; }

    /// <summary>pulse-counter: debounce in the GPIO controller or kernel, µs; 0 (default) for none.</summary>
    public int? HardwareDebounceMicroseconds { get; set; }

    /// <summary>pulse-counter: edges the kernel keeps between two ticks, 16 to 1024 (default 1024).</summary>
    public int? EventBufferSize { get; set; }

    /// <summary>pulse-counter: the shortest detection counted, ms (default 20).</summary>
    public double? MinPulseMs { get; set; }

    /// <summary>pulse-counter: the shortest gap between two detections, ms (default 20).</summary>
    public double? MinGapMs { get; set; }

    /// <summary>pulse-counter: active this long is reported as a stuck line, s (default 300).</summary>
    public double? StuckActiveSeconds { get; set; }

    /// <summary>pulse-counter: no detection for this long is reported as a silent line, s (default 900).</summary>
    public double? SilentSeconds { get; set; }

    /// <summary>The chip and where it is wired, for logs and status: <c>mpu6050 at 0x68 on /dev/i2c-1</c>.</summary>
    public string Display => Chip == PulseCounter
        ? $"{Chip} on {GpioChipPath} line {Line}"
        : $"{Chip} at 0x{(TryAddress(out var a, out _) ? a : 0):x2} on /dev/i2c-{(TryBus(out var b, out _) ? b : 0)}";

    internal bool IsI2c => Chip is Mpu6050 or Max30102 or Bme280;

    /// <summary>pulse-counter: the GPIO chip's device path (<c>gpiochip4</c> is <c>/dev/gpiochip4</c>).</summary>
    public string GpioChipPath => GpioChip is { Length: > 0 } chip ? (chip.Contains('/', StringComparison.Ordinal) ? chip : $"/dev/{chip}") : "/dev/gpiochip0";
}
