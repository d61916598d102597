namespace GzAiEdge.Devices.I2c;

/// <summary>
/// One chip on an I2C bus, at one 7-bit address. Drivers take this, not a file, so that tests can hand them a
/// register-level emulator written from the chip's datasheet (CONVENTIONS 11); on a board it is
/// <c>/dev/i2c-N</c> through i2c-dev.
/// </summary>
/// <remarks>Transfers that fail throw <see cref="I2cException"/> naming the bus, the address and what was asked.</remarks>
public interface II2cDevice : IDisposable
{
    /// <summary>The bus number N of <c>/dev/i2c-N</c> (or the emulator's), for error messages.</summary>
    int Bus { get; }

    /// <summary>The chip's 7-bit address.</summary>
    int Address { get; }

    /// <summary>Writes <paramref name="data"/> in one transfer (START, address+W, bytes, STOP).</summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Reads <paramref name="buffer"/>.Length bytes in one transfer (START, address+R, bytes, STOP).</summary>
    void Read(Span<byte> buffer);

    /// <summary>
    /// Writes <paramref name="write"/> then reads <paramref name="read"/>.Length bytes with a repeated START and no
    /// STOP between them: the usual "set register pointer, read registers" of register-mapped chips.
    /// </summary>
    void WriteRead(ReadOnlySpan<byte> write, Span<byte> read);
}
