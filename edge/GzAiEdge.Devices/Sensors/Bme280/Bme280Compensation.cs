namespace GzAiEdge.Devices.Sensors.Bme280;

/// <summary>
/// The datasheet's integer compensation (4.2.3): 32-bit for temperature and humidity, 64-bit for pressure. These
/// are Bosch's reference formulas, kept in their order and with their shifts, so that results match the chip's
/// specification bit for bit; C's shifts of negative values are arithmetic, as C#'s are.
/// </summary>
internal static class Bme280Compensation
{
    /// <summary>Temperature in 0.01 °C; <paramref name="tFine"/> carries it to pressure and humidity.</summary>
    public static int Temperature(int adcT, in Bme280Calibration c, out int tFine)
    {
        var var1 = (((adcT >> 3) - (c.DigT1 << 1)) * c.DigT2) >> 11;
        var var2 = (((((adcT >> 4) - c.DigT1) * ((adcT >> 4) - c.DigT1)) >> 12) * c.DigT3) >> 14;
        tFine = var1 + var2;
        return (tFine * 5 + 128) >> 8;
    }

    /// <summary>Pressure in Pa as Q24.8 (divide by 256), or null where the formula would divide by zero.</summary>
    public static uint? Pressure(int adcP, int tFine, in Bme280Calibration c)
    {
        long var1 = tFine - 128000L;
        var var2 = var1 * var1 * c.DigP6;
        var2 += (var1 * c.DigP5) << 17;
        var2 += (long)c.DigP4 << 35;
        var1 = ((var1 * var1 * c.DigP3) >> 8) + ((var1 * c.DigP2) << 12);
        var1 = (((1L << 47) + var1) * c.DigP1) >> 33;
        if (var1 == 0)
            return null;
        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (c.DigP9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = (c.DigP8 * p) >> 19;
        p = ((p + var1 + var2) >> 8) + ((long)c.DigP7 << 4);
        return (uint)p;
    }

    /// <summary>Relative humidity in %RH as Q22.10 (divide by 1024), clamped by the formula to 0..100 %.</summary>
    public static uint Humidity(int adcH, int tFine, in Bme280Calibration c)
    {
        var v = tFine - 76800;
        v = (((adcH << 14) - (c.DigH4 << 20) - (c.DigH5 * v) + 16384) >> 15)
            * (((((((v * c.DigH6) >> 10) * (((v * c.DigH3) >> 11) + 32768)) >> 10) + 2097152) * c.DigH2 + 8192) >> 14);
        v -= ((((v >> 15) * (v >> 15)) >> 7) * c.DigH1) >> 4;
        v = Math.Clamp(v, 0, 419430400);
        return (uint)(v >> 12);
    }
}
