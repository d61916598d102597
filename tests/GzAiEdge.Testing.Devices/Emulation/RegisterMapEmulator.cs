using GzAiEdge.Devices.I2c;

namespace GzAiEdge.Testing.Devices.Emulation;

/// <summary>
/// A register-mapped I2C chip behind <see cref="II2cDevice"/>: a write's first byte sets the register pointer and
/// further bytes are written from there on; a read returns bytes from the pointer on. The pointer auto-increments
/// unless the chip says otherwise (FIFO data ports). Faults a real bus shows can be injected: nothing acknowledging
/// the address, and a transfer that fails part-way. With a clock and a <see cref="ByteTime"/>, transfers take
/// the time a real bus takes, so that a time-driven chip keeps sampling while it is being read.
/// </summary>
public abstract class RegisterMapEmulator(int bus, int address, EmulatedClock? clock = null) : II2cDevice
{
    private int _pointer;
    private int? _failReadAfter;
    private int _readsBeforeFailure;
    private bool _disposed;

    public int Bus => bus;

    public int Address => address;

    /// <summary>False: no chip answers at this address (unplugged, wrong address, no power).</summary>
    public bool Acknowledges { get; set; } = true;

    /// <summary>Register writes in the order they arrived, to check sequences a datasheet prescribes.</summary>
    public List<(int Register, byte Value)> Writes { get; } = [];

    public int Transfers { get; private set; }

    /// <summary>Time one byte takes on the bus, acknowledge included: 9 bits, 22.5 µs at 400 kHz.</summary>
    public TimeSpan ByteTime { get; set; }

    public static TimeSpan FastModeByteTime => TimeSpan.FromTicks(225);

    /// <summary>
    /// After <paramref name="goodReads"/> more reads succeed, the next one moves <paramref name="bytes"/> bytes and then
    /// fails, as a bus error part-way does (the caller's buffer keeps what arrived).
    /// </summary>
    public void FailReadAfter(int bytes, int goodReads = 0) => (_failReadAfter, _readsBeforeFailure) = (bytes, goodReads);

    public void Write(ReadOnlySpan<byte> data)
    {
        Begin();
        WritePart(data);
    }

    public void Read(Span<byte> buffer)
    {
        Begin();
        ReadPart(buffer);
    }

    public void WriteRead(ReadOnlySpan<byte> write, Span<byte> read)
    {
        Begin();
        WritePart(write);
        ReadPart(read);
    }

    public void Dispose() => _disposed = true;

    protected abstract byte ReadRegister(int register);

    protected abstract void WriteRegister(int register, byte value);

    /// <summary>Where the pointer goes after <paramref name="register"/> was read or written.</summary>
    protected virtual int NextRegister(int register) => (register + 1) & 0xFF;

    /// <summary>What the bus reports when nothing acknowledges the address.</summary>
    protected I2cException NoAcknowledge() =>
        new(bus, address, null, "no acknowledge (ENXIO): check wiring, power and address");

    /// <summary>
    /// Called before each transfer: time-driven chips bring their state up to the clock here, and a chip that is
    /// not answering yet (starting up) throws <see cref="NoAcknowledge"/>.
    /// </summary>
    protected virtual void OnTransfer()
    {
    }

    private void Begin()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Transfers++;
        Tick(); // the address byte
        if (!Acknowledges)
            throw NoAcknowledge();
        OnTransfer();
    }

    private void Tick()
    {
        if (ByteTime > TimeSpan.Zero)
            clock?.Advance(ByteTime);
    }

    private void WritePart(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return;
        Tick();
        _pointer = data[0];
        foreach (var value in data[1..])
        {
            Tick();
            Writes.Add((_pointer, value));
            WriteRegister(_pointer, value);
            _pointer = NextRegister(_pointer);
        }
    }

    private void ReadPart(Span<byte> buffer)
    {
        var fail = _failReadAfter is not null && _readsBeforeFailure-- == 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            if (fail && _failReadAfter == i)
            {
                _failReadAfter = null;
                throw new I2cException(bus, address, null, $"transfer failed after {i} of {buffer.Length} bytes (EREMOTEIO)");
            }
            Tick();
            buffer[i] = ReadRegister(_pointer);
            _pointer = NextRegister(_pointer);
        }
    }
}
