namespace GzAiEdge.Devices.Sensors.Bme280;

/// <summary>osrs_t / osrs_p / osrs_h (datasheet 5.4.3, 5.4.5): Skipped leaves that output at its reset value.</summary>
public enum Bme280Oversampling : byte
{
    Skipped = 0,
    X1 = 1,
    X2 = 2,
    X4 = 3,
    X8 = 4,
    X16 = 5,
}

/// <summary>mode[1:0] (3.3, table 25): forced takes one measurement per request, normal measures continuously.</summary>
public enum Bme280Mode : byte
{
    Sleep = 0b00,
    Forced = 0b01,
    Normal = 0b11,
}

/// <summary>IIR filter coefficient for temperature and pressure, filter[2:0] (3.4.4, table 28).</summary>
public enum Bme280Filter : byte
{
    Off = 0,
    Coefficient2 = 1,
    Coefficient4 = 2,
    Coefficient8 = 3,
    Coefficient16 = 4,
}

/// <summary>t_sb[2:0], the inactive time between normal-mode measurements (5.4.6, table 27).</summary>
public enum Bme280Standby : byte
{
    Ms0_5 = 0,
    Ms62_5 = 1,
    Ms125 = 2,
    Ms250 = 3,
    Ms500 = 4,
    Ms1000 = 5,
    Ms10 = 6,
    Ms20 = 7,
}

/// <summary>
/// How the BME280 measures. The defaults are the datasheet's "weather monitoring" case (3.5.1): forced mode, x1
/// everywhere, filter off.
/// </summary>
public sealed record Bme280Settings
{
    public Bme280Oversampling Temperature { get; init; } = Bme280Oversampling.X1;
    public Bme280Oversampling Pressure { get; init; } = Bme280Oversampling.X1;
    public Bme280Oversampling Humidity { get; init; } = Bme280Oversampling.X1;
    public Bme280Mode Mode { get; init; } = Bme280Mode.Forced;
    public Bme280Filter Filter { get; init; } = Bme280Filter.Off;
    public Bme280Standby Standby { get; init; } = Bme280Standby.Ms1000;

    /// <summary>
    /// Longest time one measurement takes with these oversamplings: t_measure,max of appendix 9.1,
    /// 1.25 ms + 2.3 ms per temperature sample + (2.3 ms per sample + 0.575 ms) for pressure and for humidity.
    /// </summary>
    public TimeSpan MaxMeasurementTime
    {
        get
        {
            var ms = 1.25 + 2.3 * Samples(Temperature);
            if (Pressure != Bme280Oversampling.Skipped)
                ms += 2.3 * Samples(Pressure) + 0.575;
            if (Humidity != Bme280Oversampling.Skipped)
                ms += 2.3 * Samples(Humidity) + 0.575;
            return TimeSpan.FromMilliseconds(ms);
        }
    }

    /// <summary>Throws naming the setting that cannot work.</summary>
    public void Validate()
    {
        Check(Enum.IsDefined(Temperature), nameof(Temperature), Temperature);
        Check(Enum.IsDefined(Pressure), nameof(Pressure), Pressure);
        Check(Enum.IsDefined(Humidity), nameof(Humidity), Humidity);
        Check(Mode is Bme280Mode.Forced or Bme280Mode.Normal, nameof(Mode), Mode);
        Check(Enum.IsDefined(Filter), nameof(Filter), Filter);
        Check(Enum.IsDefined(Standby), nameof(Standby), Standby);
        if (Temperature == Bme280Oversampling.Skipped && (Pressure != Bme280Oversampling.Skipped || Humidity != Bme280Oversampling.Skipped))
            throw new ArgumentException(
                "Bme280Settings.Temperature is Skipped, but pressure and humidity compensation need the temperature (t_fine, datasheet 4.2.3)");
    }

    internal static int Samples(Bme280Oversampling oversampling) =>
        oversampling == Bme280Oversampling.Skipped ? 0 : 1 << ((int)oversampling - 1);

    internal byte CtrlHum => (byte)Humidity;

    internal byte CtrlMeas => (byte)(((int)Temperature << 5) | ((int)Pressure << 2));

    internal byte Config => (byte)(((int)Standby << 5) | ((int)Filter << 2));

    private static void Check<T>(bool valid, string name, T value)
    {
        if (!valid)
            throw new ArgumentException($"Bme280Settings.{name} = {value} is not a setting of the BME280");
    }
}
