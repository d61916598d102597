namespace GzAiEdge.Devices.Sensors.Bme280;

/// <summary>
/// One BME280 measurement. A value the chip did not measure (its oversampling is Skipped, or normal mode has not
/// finished its first cycle) is null, never 0.
/// </summary>
public readonly record struct Bme280Reading(double? TemperatureCelsius, double? PressurePascals, double? HumidityPercent)
{
    /// <summary>Pressure in hPa (mbar), the unit weather reports use.</summary>
    public double? PressureHectopascals => PressurePascals / 100;
}
