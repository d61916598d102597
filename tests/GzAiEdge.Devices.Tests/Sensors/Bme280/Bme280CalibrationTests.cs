using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Testing.Devices.Sensors.Bme280;

namespace GzAiEdge.Devices.Tests.Sensors.Bme280;

public sealed class Bme280CalibrationTests
{
    [Theory]
    [InlineData(313, 50)]
    [InlineData(0x7FF, -0x800)] // the 12-bit extremes
    [InlineData(-1, 0x123)]
    [InlineData(-0x5A5, -0x3C)]
    public void H4_and_H5_are_unpacked_from_their_shared_nibbles(int h4, int h5)
    {
        var trimming = DatasheetExample.Trimming with { DigH4 = (short)h4, DigH5 = (short)h5 };
        var nvm = new byte[256];
        Bme280Emulator.Encode(trimming, nvm);

        var parsed = Bme280Calibration.Parse(nvm.AsSpan(0x88, 26), nvm.AsSpan(0xE1, 7));

        Assert.Equal(trimming, parsed);
    }

    [Fact]
    public void Byte_layout_follows_table_16()
    {
        byte[] tp = new byte[26];
        tp[0] = 0x70; tp[1] = 0x6B;   // dig_T1 = 0x6B70 = 27504, little-endian
        tp[2] = 0x43; tp[3] = 0x67;   // dig_T2 = 26435
        tp[4] = 0x18; tp[5] = 0xFC;   // dig_T3 = -1000
        tp[6] = 0x7D; tp[7] = 0x8E;   // dig_P1 = 36477 (unsigned)
        tp[25] = 0x4B;                // dig_H1 = 75 at 0xA1
        byte[] h = [0x6A, 0x01, 0x00, 0x13, 0x29, 0x03, 0x1E];
        // 0xE4 = 0x13, 0xE5 = 0x29, 0xE6 = 0x03: H4 = 0x13<<4 | 0x9 = 313, H5 = 0x03<<4 | 0x2 = 50

        var c = Bme280Calibration.Parse(tp, h);

        Assert.Equal((27504, 26435, -1000, 36477), (c.DigT1, c.DigT2, c.DigT3, c.DigP1));
        Assert.Equal((75, 362, 0, 313, 50, 30), (c.DigH1, c.DigH2, c.DigH3, c.DigH4, c.DigH5, c.DigH6));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void An_unloaded_trimming_image_is_a_problem(byte fill)
    {
        var tp = Enumerable.Repeat(fill, 26).ToArray();

        var problem = Bme280Calibration.Parse(tp, new byte[7]).Problem(tp);

        Assert.Contains("NVM image is not loaded", problem);
    }

    [Fact]
    public void Real_trimming_has_no_problem()
    {
        var nvm = new byte[256];
        Bme280Emulator.Encode(DatasheetExample.Trimming, nvm);
        var tp = nvm.AsSpan(0x88, 26);

        Assert.Null(Bme280Calibration.Parse(tp, nvm.AsSpan(0xE1, 7)).Problem(tp));
    }
}
