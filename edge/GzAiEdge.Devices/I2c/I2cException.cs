namespace GzAiEdge.Devices.I2c;

/// <summary>
/// An I2C transfer or chip check failed. The message names the bus, the address and, where known, the register,
/// so that an operator can tell a wiring fault (no ACK) from a wrong chip or a missing bus.
/// </summary>
public sealed class I2cException : IOException
{
    /// <summary>Creates the exception; <paramref name="register"/> is null when the transfer was not about one register.</summary>
    public I2cException(int bus, int address, int? register, string message, Exception? inner = null)
        : base(Describe(bus, address, register, message), inner)
    {
        Bus = bus;
        Address = address;
        Register = register;
    }

    /// <summary>The bus number (<c>/dev/i2c-N</c>).</summary>
    public int Bus { get; }

    /// <summary>The chip's 7-bit address.</summary>
    public int Address { get; }

    /// <summary>The register the transfer was about, if any.</summary>
    public int? Register { get; }

    private static string Describe(int bus, int address, int? register, string message) =>
        register is { } r
            ? $"i2c-{bus} address 0x{address:x2} register 0x{r:x2}: {message}"
            : $"i2c-{bus} address 0x{address:x2}: {message}";
}
