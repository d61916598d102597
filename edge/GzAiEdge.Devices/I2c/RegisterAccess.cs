using System.Buffers.Binary;

namespace GzAiEdge.Devices.I2c;

/// <summary>
/// Register reads and writes of register-mapped chips over <see cref="II2cDevice"/>: the register pointer goes out
/// first, then the data (datasheets' "burst read": pointer write, repeated START, read with auto-increment).
/// Buffers are on the stack or the caller's, so a call allocates nothing.
/// </summary>
/// <remarks>
/// A transfer failure that did not name a register (the bus knows bytes, not registers) is re-thrown naming the one
/// the driver asked for, so the error says "i2c-1 address 0x76 register 0xf7" and not just the address.
/// </remarks>
internal static class RegisterAccess
{
    public static byte ReadRegister(this II2cDevice device, byte register)
    {
        Span<byte> value = stackalloc byte[1];
        device.ReadRegisters(register, value);
        return value[0];
    }

    /// <summary>Reads a big-endian 16-bit pair (high byte at <paramref name="register"/>) in one transfer.</summary>
    public static ushort ReadUInt16BigEndian(this II2cDevice device, byte register)
    {
        Span<byte> value = stackalloc byte[2];
        device.ReadRegisters(register, value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="register"/> on, in one transfer.</summary>
    public static void ReadRegisters(this II2cDevice device, byte register, Span<byte> destination)
    {
        Span<byte> pointer = [register];
        try
        {
            device.WriteRead(pointer, destination);
        }
        catch (I2cException ex) when (ex.Register is null)
        {
            throw Named(device, register, $"reading {destination.Length} byte(s) failed", ex);
        }
    }

    public static void WriteRegister(this II2cDevice device, byte register, byte value)
    {
        Span<byte> data = [register, value];
        try
        {
            device.Write(data);
        }
        catch (I2cException ex) when (ex.Register is null)
        {
            throw Named(device, register, $"writing 0x{value:x2} failed", ex);
        }
    }

    /// <summary>
    /// Throws unless <paramref name="register"/> read back what was written to it: a part that acknowledges but does
    /// not take a setting (a clone, a look-alike) is caught at start rather than by odd data later.
    /// </summary>
    public static void ExpectReadBack(this II2cDevice device, byte register, byte actual, byte expected)
    {
        if (actual != expected)
            throw new I2cException(device.Bus, device.Address, register,
                $"reads 0x{actual:x2} after 0x{expected:x2} was written: the chip did not take the setting");
    }

    private static I2cException Named(II2cDevice device, byte register, string what, I2cException inner) =>
        new(device.Bus, device.Address, register, $"{what} ({inner.Message})", inner);
}
