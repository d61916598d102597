using System.Globalization;

namespace GzAiEdge.Devices.Sources.Sensors;

public sealed partial class SensorOptions
{
    /// <summary>
    /// What is wrong with these options for a source ticked <paramref name="tickHz"/> times a second, as (key relative
    /// to the <c>Source</c> section, problem): <c>Sensor:Address</c>, or <c>SampleHz</c> when the tick is too slow for
    /// the chip's FIFO. Empty when a source can be built; nothing is opened.
    /// </summary>
    public IReadOnlyList<(string Key, string Problem)> Check(double tickHz)
    {
        var problems = new Problems();
        Plan(tickHz, problems);
        return problems;
    }

    /// <summary>Every setting parsed into what the driver takes; problems go to <paramref name="problems"/>.</summary>
    internal SensorPlan Plan(double tickHz, Problems problems)
    {
        if (!Chips.Contains(Chip))
        {
            problems.Add(nameof(Chip), $"'{Chip}' is not one of {string.Join(", ", Chips)}");
            return new SensorPlan(0, 0);
        }

        CheckForeign(problems);
        foreach (var (key, problem) in SourceRecovery.Check(BackoffSeconds, MaxBackoffSeconds))
        {
            problems.Add(key, problem);
        }

        if (Chip == PulseCounter)
        {
            return new SensorPlan(0, 0) { PulseCounter = PulseCounterPlan(problems) };
        }

        if (!TryBus(out var bus, out var busProblem))
        {
            problems.Add(nameof(Bus), busProblem);
        }

        if (!TryAddress(out var address, out var addressProblem))
        {
            problems.Add(nameof(Address), addressProblem);
        }

        var plan = new SensorPlan(bus, address);
        return Chip switch
        {
            Mpu6050 => plan with { Mpu6050 = Mpu6050Plan(tickHz, problems) },
            Max30102 => plan with { Max30102 = Max30102Plan(tickHz, problems) },
            _ => plan with { Bme280 = Bme280Plan(tickHz, problems) },
        };
    }

    /// <summary>The bus number; <c>1</c>, <c>i2c-1</c> and <c>/dev/i2c-1</c> all give 1.</summary>
    public bool TryBus(out int bus, out string problem)
    {
        var text = Bus?.Trim() ?? "1";
        var digits = text.StartsWith("/dev/i2c-", StringComparison.Ordinal) ? text[9..] : text.StartsWith("i2c-", StringComparison.Ordinal) ? text[4..] : text;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out bus) && bus <= 1023)
        {
            problem = string.Empty;
            return true;
        }

        problem = $"'{Bus}' is not an I2C bus: give N of /dev/i2c-N (`ls /dev/i2c-*` lists them)";
        return false;
    }

    /// <summary>The 7-bit address, hex (<c>0x68</c>) or decimal (<c>104</c>); the chip's default when unset.</summary>
    public bool TryAddress(out int address, out string problem)
    {
        var (known, wiring) = Chip switch
        {
            Mpu6050 => (new[] { 0x68, 0x69 }, "an MPU-6050 answers at 0x68 (AD0 low) or 0x69 (AD0 high)"),
            Max30102 => ([0x57], "a MAX30102 answers only at 0x57"),
            _ => ([0x76, 0x77], "a BME280 answers at 0x76 (SDO to GND) or 0x77 (SDO to VDDIO)"),
        };
        var text = Address?.Trim();
        var parsed = text is null ? known[0]
            : text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && int.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dec) ? dec
            : -1;
        (address, problem) = (parsed, string.Empty);
        if (parsed < 0)
        {
            problem = $"'{Address}' is not an address: write it in hex (0x{known[0]:x2}) or decimal";
        }
        else if (!known.Contains(parsed))
        {
            problem = $"0x{parsed:x2} cannot be this chip: {wiring} (`i2cdetect -y N` lists what answers)";
        }

        return problem.Length == 0;
    }

    private void CheckForeign(Problems problems)
    {
        (string Owner, string Key, bool Set)[] owned =
        [
            ("I2C", nameof(Address), Address is not null),
            (Mpu6050, nameof(Axis), Axis is not null), (Mpu6050, nameof(AccelRangeG), AccelRangeG is not null),
            (Mpu6050, nameof(BandwidthHz), BandwidthHz is not null), (Mpu6050, nameof(SampleRateDivider), SampleRateDivider is not null),
            (Mpu6050, nameof(ResampleHz), ResampleHz is not null),
            (Max30102, nameof(SampleRate), SampleRate is not null), (Max30102, nameof(PulseWidthUs), PulseWidthUs is not null),
            (Max30102, nameof(AdcRangeNa), AdcRangeNa is not null), (Max30102, nameof(Averaging), Averaging is not null),
            (Max30102, nameof(RedCurrentMa), RedCurrentMa is not null), (Max30102, nameof(IrCurrentMa), IrCurrentMa is not null),
            (Max30102, nameof(FingerThreshold), FingerThreshold is not null),
            (Bme280, nameof(TemperatureOversampling), TemperatureOversampling is not null), (Bme280, nameof(PressureOversampling), PressureOversampling is not null),
            (Bme280, nameof(HumidityOversampling), HumidityOversampling is not null), (Bme280, nameof(Filter), Filter is not null),
            (PulseCounter, nameof(Line), Line is not null), (PulseCounter, nameof(ActiveLow), ActiveLow is not null), (PulseCounter, nameof(Bias), Bias is not null),
            (PulseCounter, nameof(HardwareDebounceMicroseconds), HardwareDebounceMicroseconds is not null),
            (PulseCounter, nameof(EventBufferSize), EventBufferSize is not null), (PulseCounter, nameof(MinPulseMs), MinPulseMs is not null),
            (PulseCounter, nameof(MinGapMs), MinGapMs is not null), (PulseCounter, nameof(StuckActiveSeconds), StuckActiveSeconds is not null),
            (PulseCounter, nameof(SilentSeconds), SilentSeconds is not null),
        ];
        foreach (var (owner, key, set) in owned)
        {
            if (set && owner != Chip && !(owner == "I2C" && IsI2c))
            {
                problems.Add(key, $"is a{(owner is "I2C" or Mpu6050 ? "n" : string.Empty)} {owner} setting, and this sensor is a{(Chip == Mpu6050 ? "n" : string.Empty)} {Chip}: remove it, or fix Chip");
            }
        }
    }

    /// <summary>The tick reads the FIFO: leave at most half of it to fill between two ticks, for a late tick.</summary>
    private static void CheckFifo(Problems problems, double tickHz, string chip, TimeSpan fifo, string fill)
    {
        var tick = 1000 / tickHz;
        if (tick > fifo.TotalMilliseconds / 2)
        {
            problems.Add(SampleHzKey, $"{Number(tickHz)} reads the {chip}'s FIFO every {tick:0} ms, but it is full after {fifo.TotalMilliseconds:0} ms ({fill}): use at least {Math.Ceiling(2000 / fifo.TotalMilliseconds)} so that a late tick does not overflow it");
        }
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>(key, problem) pairs; keys are relative to the Source section.</summary>
    internal sealed class Problems : List<(string Key, string Problem)>
    {
        public void Add(string key, string problem) => Add((key == SampleHzKey ? key : $"Sensor:{key}", problem));
    }

    private const string SampleHzKey = "SampleHz";
}
