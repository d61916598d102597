namespace GzAiEdge.Devices.Sensors.Bme280;

/// <summary>
/// BME280 register map and bit fields, from Bosch BST-BME280-DS002 (rev 1.6). Section numbers are the datasheet's.
/// </summary>
internal static class Bme280Registers
{
    /// <summary>First trimming block, calib00..calib25: dig_T1..dig_P9, dig_H1 (4.2.2, table 16).</summary>
    public const byte CalibrationTp = 0x88;
    public const int CalibrationTpLength = 0xA1 - 0x88 + 1;

    /// <summary>Second trimming block, calib26..calib32: dig_H2..dig_H6 (4.2.2, table 16).</summary>
    public const byte CalibrationH = 0xE1;
    public const int CalibrationHLength = 0xE7 - 0xE1 + 1;

    /// <summary>id: chip_id, 0x60 on a BME280 (5.4.1).</summary>
    public const byte Id = 0xD0;
    public const byte ChipId = 0x60;

    /// <summary>reset: writing <see cref="ResetCommand"/> runs the power-on reset (5.4.2).</summary>
    public const byte Reset = 0xE0;
    public const byte ResetCommand = 0xB6;

    /// <summary>ctrl_hum: osrs_h[2:0]; takes effect only with the next write to ctrl_meas (5.4.3).</summary>
    public const byte CtrlHum = 0xF2;

    /// <summary>status: measuring[3] (conversion running), im_update[0] (NVM being copied) (5.4.4).</summary>
    public const byte Status = 0xF3;
    public const byte StatusMeasuring = 1 << 3;
    public const byte StatusImUpdate = 1 << 0;

    /// <summary>ctrl_meas: osrs_t[7:5], osrs_p[4:2], mode[1:0] (5.4.5).</summary>
    public const byte CtrlMeas = 0xF4;

    /// <summary>config: t_sb[7:5], filter[4:2], spi3w_en[0]; writes in normal mode may be ignored (5.4.6).</summary>
    public const byte Config = 0xF5;

    /// <summary>press_msb..hum_lsb, one burst so that all three come from the same measurement (4, 5.4.7-5.4.9).</summary>
    public const byte Data = 0xF7;
    public const int DataLength = 0xFE - 0xF7 + 1;

    /// <summary>What a skipped measurement leaves in the data registers (5.4.7-5.4.9 reset values, 3.4).</summary>
    public const int SkippedPressureOrTemperature = 0x80000;
    public const int SkippedHumidity = 0x8000;
}
