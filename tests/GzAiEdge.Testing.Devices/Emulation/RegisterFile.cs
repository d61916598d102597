namespace GzAiEdge.Testing.Devices.Emulation;

/// <summary>
/// A chip's 256 byte-wide registers with their reset values and which bits the bus may write; bits a datasheet
/// marks read-only (and undefined registers) ignore writes, as the silicon does.
/// </summary>
internal sealed class RegisterFile
{
    private readonly byte[] _values = new byte[256];
    private readonly byte[] _reset = new byte[256];
    private readonly byte[] _writable = new byte[256];

    /// <summary>The chip's own view: what the register holds, set by the chip's logic regardless of the mask.</summary>
    public byte this[int register]
    {
        get => _values[register];
        set => _values[register] = value;
    }

    public void Define(int register, byte resetValue, byte writableMask = 0xFF)
    {
        _reset[register] = resetValue;
        _values[register] = resetValue;
        _writable[register] = writableMask;
    }

    /// <summary>A write from the bus: only the writable bits change.</summary>
    public void Write(int register, byte value)
    {
        var mask = _writable[register];
        _values[register] = (byte)((_values[register] & ~mask) | (value & mask));
    }

    public void Reset() => _reset.CopyTo(_values, 0);
}
