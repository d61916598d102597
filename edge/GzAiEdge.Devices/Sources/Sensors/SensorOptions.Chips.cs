using System.Globalization;
using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Devices.Sensors.Max30102;
using GzAiEdge.Devices.Sensors.Mpu6050;
using GzAiEdge.Devices.Sensors.PulseCounter;

namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>What a sensor source is built from: the parsed bus and address, and the one chip's driver settings.</summary>
internal sealed record SensorPlan(int Bus, int Address)
{
    public (Mpu6050Settings Settings, Mpu6050Axis Axis, double OutputHz)? Mpu6050 { get; init; }

    public (Max30102Settings Settings, PpgAnalyzerOptions Analysis)? Max30102 { get; init; }

    public Bme280Settings? Bme280 { get; init; }

    public PulseCounterOptions? PulseCounter { get; init; }
}

public sealed partial class SensorOptions
{
    /// <summary>The vibration model's rate (models/vibration-autoencoder.md).</summary>
    public const double DefaultResampleHz = 512;

    private (Mpu6050Settings, Mpu6050Axis, double) Mpu6050Plan(double tickHz, Problems problems)
    {
        var settings = new Mpu6050Settings();
        var axis = Axis?.Trim().ToLowerInvariant() switch
        {
            null or "z" => Mpu6050Axis.Z,
            "x" => Mpu6050Axis.X,
            "y" => Mpu6050Axis.Y,
            _ => Refuse(problems, nameof(Axis), $"'{Axis}' is not x, y or z", Mpu6050Axis.Z),
        };
        settings = settings with
        {
            AccelRange = Pick(problems, nameof(AccelRangeG), AccelRangeG, settings.AccelRange, "g", (2, Mpu6050AccelRange.G2), (4, Mpu6050AccelRange.G4), (8, Mpu6050AccelRange.G8), (16, Mpu6050AccelRange.G16)),
            Bandwidth = Pick(problems, nameof(BandwidthHz), BandwidthHz, settings.Bandwidth, "Hz", (260, Mpu6050Bandwidth.Hz260), (184, Mpu6050Bandwidth.Hz184),
                (94, Mpu6050Bandwidth.Hz94), (44, Mpu6050Bandwidth.Hz44), (21, Mpu6050Bandwidth.Hz21), (10, Mpu6050Bandwidth.Hz10), (5, Mpu6050Bandwidth.Hz5)),
        };
        if (SampleRateDivider is { } divider)
        {
            settings = divider is >= 0 and <= 255 ? settings with { SampleRateDivider = (byte)divider }
                : Refuse(problems, nameof(SampleRateDivider), $"{divider} is outside 0..255", settings);
        }

        if (!Valid(problems, nameof(SampleRateDivider), settings.Validate))
        {
            return (new Mpu6050Settings(), axis, DefaultResampleHz);
        }

        var output = ResampleHz ?? DefaultResampleHz;
        if (!(output > 0 && output <= settings.SampleRateHz))
        {
            problems.Add(nameof(ResampleHz), $"{Number(output)} must be over 0 and at most the chip's {Number(settings.SampleRateHz)} Hz");
        }

        CheckFifo(problems, tickHz, "MPU-6050", settings.FifoDuration, $"{Number(settings.SampleRateHz)} Hz, 6 bytes a sample in 1024");
        return (settings, axis, output);
    }

    private (Max30102Settings, PpgAnalyzerOptions) Max30102Plan(double tickHz, Problems problems)
    {
        var settings = new Max30102Settings();
        settings = settings with
        {
            SampleRate = Pick(problems, nameof(SampleRate), SampleRate, settings.SampleRate, "samples/s", (50, Max30102SampleRate.Sps50), (100, Max30102SampleRate.Sps100),
                (200, Max30102SampleRate.Sps200), (400, Max30102SampleRate.Sps400), (800, Max30102SampleRate.Sps800), (1000, Max30102SampleRate.Sps1000),
                (1600, Max30102SampleRate.Sps1600), (3200, Max30102SampleRate.Sps3200)),
            PulseWidth = Pick(problems, nameof(PulseWidthUs), PulseWidthUs, settings.PulseWidth, "µs", (69, Max30102PulseWidth.Us69), (118, Max30102PulseWidth.Us118),
                (215, Max30102PulseWidth.Us215), (411, Max30102PulseWidth.Us411)),
            AdcRange = Pick(problems, nameof(AdcRangeNa), AdcRangeNa, settings.AdcRange, "nA", (2048, Max30102AdcRange.Na2048), (4096, Max30102AdcRange.Na4096),
                (8192, Max30102AdcRange.Na8192), (16384, Max30102AdcRange.Na16384)),
            Averaging = Pick(problems, nameof(Averaging), Averaging, settings.Averaging, "samples", (1, 1), (2, 2), (4, 4), (8, 8), (16, 16), (32, 32)),
            RedCurrentMilliamps = Current(problems, nameof(RedCurrentMa), RedCurrentMa, settings.RedCurrentMilliamps),
            IrCurrentMilliamps = Current(problems, nameof(IrCurrentMa), IrCurrentMa, settings.IrCurrentMilliamps),
        };
        var analysis = new PpgAnalyzerOptions();
        if (FingerThreshold is { } threshold)
        {
            analysis = threshold is >= 0 and <= 0x3FFFF ? analysis with { FingerThreshold = threshold }
                : Refuse(problems, nameof(FingerThreshold), $"{threshold} is outside 0..262143 (18-bit IR counts)", analysis);
        }

        if (!Valid(problems, nameof(SampleRate), settings.Validate))
        {
            return (new Max30102Settings(), analysis);
        }

        var needed = analysis.MinSampleRateHz;
        if (settings.SampleRateHz < needed)
        {
            problems.Add(nameof(SampleRate), $"{Number(settings.SampleRateHz)} samples/s reach the FIFO (SampleRate / Averaging); heart rate and SpO2 need at least {Number(needed)}");
        }

        CheckFifo(problems, tickHz, "MAX30102", settings.FifoDuration, $"{Number(settings.SampleRateHz)} samples/s in 32");
        return (settings, analysis);
    }

    private Bme280Settings Bme280Plan(double tickHz, Problems problems)
    {
        var settings = new Bme280Settings();
        (int, Bme280Oversampling)[] oversampling =
            [(1, Bme280Oversampling.X1), (2, Bme280Oversampling.X2), (4, Bme280Oversampling.X4), (8, Bme280Oversampling.X8), (16, Bme280Oversampling.X16)];
        settings = settings with
        {
            Temperature = Pick(problems, nameof(TemperatureOversampling), TemperatureOversampling, settings.Temperature, "x", oversampling),
            Pressure = Pick(problems, nameof(PressureOversampling), PressureOversampling, settings.Pressure, "x", oversampling),
            Humidity = Pick(problems, nameof(HumidityOversampling), HumidityOversampling, settings.Humidity, "x", oversampling),
            Filter = Pick(problems, nameof(Filter), Filter, settings.Filter, string.Empty, (0, Bme280Filter.Off), (2, Bme280Filter.Coefficient2),
                (4, Bme280Filter.Coefficient4), (8, Bme280Filter.Coefficient8), (16, Bme280Filter.Coefficient16)),
        };

        // A forced measurement holds the tick for its duration: leave the tick at least twice that.
        var measurement = settings.MaxMeasurementTime.TotalMilliseconds;
        if (1000 / tickHz < 2 * measurement)
        {
            problems.Add(SampleHzKey, $"{Number(tickHz)} leaves {1000 / tickHz:0} ms a tick, and one BME280 measurement at these oversamplings takes up to {measurement:0.#} ms: use at most {Math.Floor(500 / measurement)}");
        }

        return settings;
    }

    private PulseCounterOptions PulseCounterPlan(Problems problems)
    {
        var options = new PulseCounterOptions { Chip = GpioChipPath, ActiveLow = ActiveLow ?? false };
        var line = Line?.Trim();
        if (string.IsNullOrEmpty(line))
        {
            problems.Add(nameof(Line), "must name the line: its offset on the chip (17) or the board's name for it (GPIO17); `gpioinfo` lists both");
        }
        else
        {
            options = int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? options with { Line = offset } : options with { LineName = line };
        }

        options = options with
        {
            Bias = Bias?.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
            {
                null or "asis" => GpioBias.AsIs,
                "disabled" => GpioBias.Disabled,
                "pullup" => GpioBias.PullUp,
                "pulldown" => GpioBias.PullDown,
                _ => Refuse(problems, nameof(Bias), $"'{Bias}' is not as-is, disabled, pull-up or pull-down", GpioBias.AsIs),
            },
            HardwareDebounceMicroseconds = HardwareDebounceMicroseconds ?? options.HardwareDebounceMicroseconds,
            EventBufferSize = EventBufferSize ?? options.EventBufferSize,
            MinPulseMs = MinPulseMs ?? options.MinPulseMs,
            MinGapMs = MinGapMs ?? options.MinGapMs,
            StuckActiveSeconds = StuckActiveSeconds ?? options.StuckActiveSeconds,
            SilentSeconds = SilentSeconds ?? options.SilentSeconds,
        };
        foreach (var (key, problem) in options.Check())
        {
            problems.Add(key switch { "Chip" => nameof(GpioChip), "LineName" => nameof(Line), _ => key }, problem);
        }

        return options;
    }

    private static T Pick<T>(Problems problems, string key, int? value, T fallback, string unit, params (int Value, T Setting)[] table)
    {
        if (value is not { } v)
        {
            return fallback;
        }

        foreach (var (allowed, setting) in table)
        {
            if (allowed == v)
            {
                return setting;
            }
        }

        return Refuse(problems, key, $"{v} is not one of {string.Join(", ", table.Select(t => t.Value))}{(unit.Length > 0 ? $" ({unit})" : string.Empty)}", fallback);
    }

    private static double Current(Problems problems, string key, double? milliamps, double fallback) =>
        milliamps is not { } ma ? fallback
        : ma is >= 0 and <= 51 ? ma
        : Refuse(problems, key, $"{Number(ma)} mA is outside 0..51 mA (the LED drivers' range)", fallback);

    private static bool Valid(Problems problems, string key, Action validate)
    {
        try
        {
            validate();
            return true;
        }
        catch (ArgumentException ex)
        {
            problems.Add(key, ex.Message);
            return false;
        }
    }

    private static T Refuse<T>(Problems problems, string key, string problem, T fallback)
    {
        problems.Add(key, problem);
        return fallback;
    }
}
