using GzAiEdge.Testing.Devices.Emulation;

namespace GzAiEdge.Testing.Devices.Sensors.Max30102;

/// <summary>
/// A MAX30102 at register level, from datasheet 19-7740: the register map with reset values and read-only
/// registers, RESET that clears itself, SpO2 mode sampling at SPO2_SR / SMP_AVE, the 32-sample FIFO with write and
/// read pointers, OVF_COUNTER counting dropped samples up to 31 (rollover off) and cleared when a sample is popped,
/// A_FULL when FIFO_A_FULL slots are left, FIFO_DATA not moving the register pointer and popping a sample at its
/// first byte, left-justified 18-bit data with the pulse width's resolution and junk in bits 23:18, a dark LED
/// at amplitude 0, and a 29 ms die temperature conversion.
/// </summary>
public sealed class Max30102Emulator : RegisterMapEmulator
{
    private static readonly int[] Rates = [50, 100, 200, 400, 800, 1000, 1600, 3200];
    private readonly EmulatedClock _clock;
    private readonly RegisterFile _registers = new();
    private readonly (int Red, int Ir)[] _fifo = new (int, int)[32];
    private readonly byte[] _latched = new byte[6];
    private int _count;
    private int _byteInSample;
    private TimeSpan _resetEndsAt;
    private TimeSpan? _temperatureEndsAt;
    private TimeSpan _anchor;
    private long _samplesSinceAnchor;

    public Max30102Emulator(EmulatedClock clock, int bus = 1, int address = 0x57)
        : base(bus, address, clock)
    {
        _clock = clock;
        _registers.Define(0x00, 0x00, writableMask: 0);
        _registers.Define(0x01, 0x00, writableMask: 0);
        _registers.Define(0x02, 0x00, writableMask: 0xE0);
        _registers.Define(0x03, 0x00, writableMask: 0x02);
        _registers.Define(0x04, 0x00, writableMask: 0x1F);
        _registers.Define(0x05, 0x00, writableMask: 0x1F);
        _registers.Define(0x06, 0x00, writableMask: 0x1F);
        _registers.Define(0x08, 0x00);
        _registers.Define(0x09, 0x00, writableMask: 0xC7);
        _registers.Define(0x0A, 0x00, writableMask: 0x7F);
        _registers.Define(0x0C, 0x00);
        _registers.Define(0x0D, 0x00);
        _registers.Define(0x21, 0x00, writableMask: 0x01);
        _registers.Define(0xFE, 0x03, writableMask: 0);
        _registers.Define(0xFF, 0x15, writableMask: 0);
    }

    /// <summary>Red and IR counts (18-bit scale) at a time since sampling began, as the optics deliver them.</summary>
    public Func<double, (int Red, int Ir)> Signal { get; set; } = _ => (90_000, 120_000);

    public byte PartId
    {
        set => _registers.Define(0xFF, value, writableMask: 0);
    }

    public double DieTemperature { get; set; } = 31.4375;

    /// <summary>Samples the chip took and could not keep, all told (its own counter stops at 31).</summary>
    public long Dropped { get; private set; }

    /// <summary>Samples the chip took since SpO2 mode started.</summary>
    public long Taken { get; private set; }

    public byte this[int register] => _registers[register];

    private double SampleRateHz => (double)Rates[(_registers[0x0A] >> 2) & 0x07] / (1 << Math.Min(5, _registers[0x08] >> 5));

    private bool Sampling => (_registers[0x09] & 0x87) == 0x03; // SpO2 mode, not shut down

    protected override int NextRegister(int register) => register == 0x07 ? 0x07 : base.NextRegister(register);

    protected override void OnTransfer()
    {
        var now = _clock.Elapsed;
        if (now >= _resetEndsAt)
            _registers[0x09] &= 0xBF;
        if (_temperatureEndsAt is { } done && now >= done)
        {
            var sixteenths = (int)Math.Round(DieTemperature * 16);
            (_registers[0x1F], _registers[0x20]) = ((byte)(sbyte)(sixteenths >> 4), (byte)(sixteenths & 0x0F));
            _registers[0x21] = 0;
            _registers[0x01] |= 0x02;
            _temperatureEndsAt = null;
        }
        if (!Sampling)
            return;
        var due = (long)Math.Floor((now - _anchor).TotalSeconds * SampleRateHz);
        for (; _samplesSinceAnchor < due; _samplesSinceAnchor++)
            TakeSample();
    }

    protected override byte ReadRegister(int register)
    {
        switch (register)
        {
            case 0x00 or 0x01:
                var status = _registers[register];
                _registers[register] = 0;
                return status;
            case 0x07:
                if (_byteInSample == 0)
                    Latch();
                var value = _latched[_byteInSample];
                _byteInSample = (_byteInSample + 1) % 6;
                return value;
            default:
                return _registers[register];
        }
    }

    protected override void WriteRegister(int register, byte value)
    {
        switch (register)
        {
            case 0x09 when (value & 0x40) != 0:
                _registers.Reset();
                (_count, _byteInSample, _temperatureEndsAt) = (0, 0, null);
                _registers[0x09] = 0x40; // RESET reads 1 until the chip is done
                _resetEndsAt = _clock.Elapsed + TimeSpan.FromMilliseconds(1);
                return;
            case 0x04 or 0x06:
                _registers.Write(register, value);
                _count = (_registers[0x04] - _registers[0x06]) & 31; // pointers written by hand: equal means empty
                _byteInSample = 0;
                return;
            case 0x21 when (value & 0x01) != 0:
                _registers.Write(register, value);
                _temperatureEndsAt = _clock.Elapsed + TimeSpan.FromMilliseconds(29);
                return;
            case 0x08 or 0x09 or 0x0A:
                _registers.Write(register, value);
                (_anchor, _samplesSinceAnchor) = (_clock.Elapsed, 0);
                return;
            default:
                _registers.Write(register, value);
                return;
        }
    }

    private void TakeSample()
    {
        var (red, ir) = Signal(Taken++ / SampleRateHz);
        if (_count == 32)
        {
            Dropped++;
            _registers[0x05] = (byte)Math.Min(31, _registers[0x05] + 1);
            return;
        }
        var write = _registers[0x04];
        _fifo[write] = (Dark(0x0C, red), Dark(0x0D, ir));
        _registers[0x04] = (byte)((write + 1) & 31);
        _count++;
        if (32 - _count == (_registers[0x08] & 0x0F) && (_registers[0x02] & 0x80) != 0)
            _registers[0x00] |= 0x80;
    }

    private int Dark(int amplitudeRegister, int counts) => _registers[amplitudeRegister] == 0 ? 0 : counts;

    private void Latch()
    {
        var (red, ir) = _count == 0 ? (0, 0) : _fifo[_registers[0x06]];
        if (_count > 0)
        {
            _registers[0x06] = (byte)((_registers[0x06] + 1) & 31);
            _count--;
            _registers[0x05] = 0; // a popped sample clears the overflow counter
        }
        Encode(red, _latched.AsSpan(0, 3));
        Encode(ir, _latched.AsSpan(3, 3));
    }

    private void Encode(int counts, Span<byte> into)
    {
        var resolution = 15 + (_registers[0x0A] & 0x03);
        var value = Math.Clamp(counts, 0, 0x3FFFF) & ~((1 << (18 - resolution)) - 1);
        into[0] = (byte)(0b1010_1000 | (value >> 16)); // bits 23:18 are not used: the chip may put anything there
        into[1] = (byte)(value >> 8);
        into[2] = (byte)value;
    }
}
