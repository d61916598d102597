using GzAiEdge.Devices.Sensors.Bme280;

namespace GzAiEdge.Testing.Devices.Sensors.Bme280;

/// <summary>
/// Test vectors. Temperature and pressure: the worked example of the BMP280 datasheet (BST-BMP280-DS001, 3.12),
/// whose formulas the BME280 shares (BME280 4.2.3): adc_T 519888 → 25.08 °C (t_fine 128422.2869),
/// adc_P 415148 → 100653.27 Pa. The BME280 datasheet has no humidity example, so the humidity trimming is a set
/// read off a real BME280 and the expected values are worked out in the tests.
/// </summary>
internal static class DatasheetExample
{
    public static readonly Bme280Calibration Trimming = new(
        DigT1: 27504, DigT2: 26435, DigT3: -1000,
        DigP1: 36477, DigP2: -10685, DigP3: 3024, DigP4: 2855, DigP5: 140, DigP6: -7, DigP7: 15500, DigP8: -14600, DigP9: 6000,
        DigH1: 75, DigH2: 362, DigH3: 0, DigH4: 313, DigH5: 50, DigH6: 30);

    public const int AdcT = 519888;
    public const int AdcP = 415148;
}
