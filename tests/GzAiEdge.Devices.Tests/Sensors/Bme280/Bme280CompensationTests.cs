using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Testing.Devices.Sensors.Bme280;

namespace GzAiEdge.Devices.Tests.Sensors.Bme280;

public sealed class Bme280CompensationTests
{
    private static readonly Bme280Calibration C = DatasheetExample.Trimming;

    [Fact]
    public void Temperature_matches_the_datasheet_worked_example()
    {
        var centiCelsius = Bme280Compensation.Temperature(DatasheetExample.AdcT, C, out var tFine);

        Assert.Equal(2508, centiCelsius);
        Assert.Equal(128422, tFine); // the example's t_fine 128422.2869, truncated as the integer formula does
    }

    [Fact]
    public void Pressure_matches_the_datasheet_worked_example()
    {
        Bme280Compensation.Temperature(DatasheetExample.AdcT, C, out var tFine);

        var q24_8 = Bme280Compensation.Pressure(DatasheetExample.AdcP, tFine, C);

        // The example's 100653.27 Pa was worked in floating point with the untruncated t_fine; the 64-bit integer
        // formula truncates t_fine to 128422 and lands 0.016 Pa lower, far below the sensor's 0.18 Pa resolution.
        Assert.NotNull(q24_8);
        Assert.Equal(100653.27, q24_8.Value / 256.0, 0.02);
    }

    [Fact]
    public void Pressure_is_null_rather_than_a_division_by_zero_when_dig_P1_is_zero()
    {
        Assert.Null(Bme280Compensation.Pressure(DatasheetExample.AdcP, 128422, C with { DigP1 = 0 }));
    }

    [Fact]
    public void Humidity_matches_the_integer_formula_worked_by_hand()
    {
        // 4.2.3 with t_fine 128422, adc_H 30000 and the trimming above, step by step:
        //   v = 128422 - 76800                                                    = 51622
        //   a = ((30000<<14) - (313<<20) - 50*51622 + 16384) >> 15                = 4905
        //   b = ((((((51622*30)>>10) * (((51622*0)>>11) + 32768)) >> 10) + 2097152) * 362 + 8192) >> 14
        //     = ((((1512 * 32768) >> 10) + 2097152) * 362 + 8192) >> 14           = 47405
        //   v = a*b                                                               = 232521525
        //   v -= ((((v>>15) * (v>>15)) >> 7) * 75) >> 4      (v>>15 = 7096)       → 230678058
        //   v >> 12                                                               = 56317 → 56317/1024 = 54.997 %RH
        var q22_10 = Bme280Compensation.Humidity(30000, 128422, C);

        Assert.Equal(56317u, q22_10);
    }

    [Theory]
    [InlineData(20000)]
    [InlineData(27000)]
    [InlineData(30000)]
    [InlineData(0x8000)]
    [InlineData(36000)]
    public void Humidity_agrees_with_the_datasheets_floating_point_formula(int adcH)
    {
        var integer = Bme280Compensation.Humidity(adcH, 128422, C) / 1024.0;

        Assert.Equal(DoubleHumidity(adcH, 128422), integer, 0.02);
    }

    [Fact]
    public void Humidity_is_clamped_to_0_and_100_percent()
    {
        Assert.Equal(0u, Bme280Compensation.Humidity(0, 128422, C));
        Assert.Equal(100u * 1024, Bme280Compensation.Humidity(65535, 128422, C));
    }

    // The datasheet's double-precision humidity compensation (BME280 appendix 8.1), written here independently
    // of the driver as a second reference.
    private static double DoubleHumidity(int adcH, int tFine)
    {
        var h = tFine - 76800.0;
        h = (adcH - (C.DigH4 * 64.0 + C.DigH5 / 16384.0 * h))
            * (C.DigH2 / 65536.0 * (1.0 + C.DigH6 / 67108864.0 * h * (1.0 + C.DigH3 / 67108864.0 * h)));
        h *= 1.0 - C.DigH1 * h / 524288.0;
        return Math.Clamp(h, 0, 100);
    }
}
