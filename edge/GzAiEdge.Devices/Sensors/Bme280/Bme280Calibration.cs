using System.Buffers.Binary;

namespace GzAiEdge.Devices.Sensors.Bme280;

/// <summary>
/// The chip's trimming parameters (datasheet 4.2.2, table 16), named as the datasheet names them so that the
/// compensation code reads like section 4.2.3.
/// </summary>
internal readonly record struct Bme280Calibration(
    ushort DigT1, short DigT2, short DigT3,
    ushort DigP1, short DigP2, short DigP3, short DigP4, short DigP5, short DigP6, short DigP7, short DigP8, short DigP9,
    byte DigH1, short DigH2, byte DigH3, short DigH4, short DigH5, sbyte DigH6)
{
    /// <summary>
    /// Decodes the two trimming blocks: <paramref name="tp"/> is 0x88..0xA1, <paramref name="h"/> is 0xE1..0xE7.
    /// </summary>
    public static Bme280Calibration Parse(ReadOnlySpan<byte> tp, ReadOnlySpan<byte> h)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(tp.Length, Bme280Registers.CalibrationTpLength, nameof(tp));
        ArgumentOutOfRangeException.ThrowIfNotEqual(h.Length, Bme280Registers.CalibrationHLength, nameof(h));
        return new Bme280Calibration(
            DigT1: BinaryPrimitives.ReadUInt16LittleEndian(tp[0..]),
            DigT2: BinaryPrimitives.ReadInt16LittleEndian(tp[2..]),
            DigT3: BinaryPrimitives.ReadInt16LittleEndian(tp[4..]),
            DigP1: BinaryPrimitives.ReadUInt16LittleEndian(tp[6..]),
            DigP2: BinaryPrimitives.ReadInt16LittleEndian(tp[8..]),
            DigP3: BinaryPrimitives.ReadInt16LittleEndian(tp[10..]),
            DigP4: BinaryPrimitives.ReadInt16LittleEndian(tp[12..]),
            DigP5: BinaryPrimitives.ReadInt16LittleEndian(tp[14..]),
            DigP6: BinaryPrimitives.ReadInt16LittleEndian(tp[16..]),
            DigP7: BinaryPrimitives.ReadInt16LittleEndian(tp[18..]),
            DigP8: BinaryPrimitives.ReadInt16LittleEndian(tp[20..]),
            DigP9: BinaryPrimitives.ReadInt16LittleEndian(tp[22..]),
            DigH1: tp[25], // 0xA1; 0xA0 is reserved
            DigH2: BinaryPrimitives.ReadInt16LittleEndian(h[0..]),
            DigH3: h[2],
            // dig_H4 and dig_H5 are 12-bit signed values sharing 0xE5: H4 = 0xE4[7:0] . 0xE5[3:0],
            // H5 = 0xE6[7:0] . 0xE5[7:4] (table 16). The signed high byte carries the sign.
            DigH4: (short)(((sbyte)h[3] << 4) | (h[4] & 0x0F)),
            DigH5: (short)(((sbyte)h[5] << 4) | (h[4] >> 4)),
            DigH6: (sbyte)h[6]);
    }

    /// <summary>
    /// Why this trimming cannot be right, or null. dig_T1 and dig_P1 are never 0 on a trimmed chip, and dig_P1 is a
    /// divisor in 4.2.3; all-0x00 or all-0xFF blocks are what an unprogrammed or unread NVM image looks like.
    /// </summary>
    public string? Problem(ReadOnlySpan<byte> tp)
    {
        if (!tp.ContainsAnyExcept((byte)0x00) || !tp.ContainsAnyExcept((byte)0xFF))
            return $"trimming block 0x88..0xa1 reads all 0x{tp[0]:x2}: the NVM image is not loaded";
        if (DigT1 == 0)
            return "dig_T1 is 0, which no trimmed chip has";
        if (DigP1 == 0)
            return "dig_P1 is 0, which no trimmed chip has (it divides in the pressure formula)";
        return null;
    }
}
