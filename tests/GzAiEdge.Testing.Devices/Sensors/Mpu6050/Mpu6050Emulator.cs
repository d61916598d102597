using GzAiEdge.Testing.Devices.Emulation;

namespace GzAiEdge.Testing.Devices.Sensors.Mpu6050;

/// <summary>
/// An MPU-6050 at register level, from RM-MPU-6000A-00 rev 4.2: reset values (0x00, PWR_MGMT_1 0x40 asleep,
/// WHO_AM_I 0x68, section 3), read-only registers, DEVICE_RESET, a sample clock at the rate SMPLRT_DIV and
/// DLPF_CFG give (4.2) running while awake, the 1024-byte FIFO filled in register order per FIFO_EN (4.6,
/// 4.31) that drops its oldest bytes when full and sets INT_STATUS.FIFO_OFLOW_INT if enabled (4.15, 4.16),
/// FIFO_RESET honoured only while FIFO_EN is 0 (4.27), FIFO_COUNT latched by reading its high byte (4.30) and
/// FIFO_R_W popping without moving the register pointer.
/// </summary>
public sealed class Mpu6050Emulator : RegisterMapEmulator
{
    private const int FifoSize = 1024;
    private readonly EmulatedClock _clock;
    private readonly RegisterFile _registers = new();
    private readonly byte[] _fifo = new byte[FifoSize];
    private readonly short[] _sample = new short[7];
    private int _fifoHead;
    private int _fifoCount;
    private int _latchedCount;
    private byte _lastPopped;
    private TimeSpan _anchor;
    private long _samplesSinceAnchor;

    public Mpu6050Emulator(EmulatedClock clock, int bus = 1, int address = 0x68)
        : base(bus, address, clock)
    {
        _clock = clock;
        _registers.Define(0x19, 0x00);
        _registers.Define(0x1A, 0x00, writableMask: 0x3F);
        _registers.Define(0x1B, 0x00, writableMask: 0xF8);
        _registers.Define(0x1C, 0x00, writableMask: 0xF8);
        _registers.Define(0x23, 0x00);
        _registers.Define(0x38, 0x00, writableMask: 0x19);
        _registers.Define(0x6A, 0x00, writableMask: 0x73);
        _registers.Define(0x6B, 0x40, writableMask: 0x6F);
        _registers.Define(0x6C, 0x00);
        _registers.Define(0x75, 0x68, writableMask: 0);
    }

    /// <summary>
    /// Raw outputs of sample number n (counted from the first sample after wake-up): accel X, Y, Z, temperature,
    /// gyro X, Y, Z, as the ADCs deliver them.
    /// </summary>
    public Func<long, (short Ax, short Ay, short Az, short Temp, short Gx, short Gy, short Gz)> Signal { get; set; } =
        n => ((short)(n % 8000), -2048, 8192, 0, 131, -1310, 0);

    /// <summary>Where in a sample period the chip's sample clock ticks relative to the last reconfiguration.</summary>
    public double Phase { get; set; } = 0.37;

    /// <summary>False models a part whose INT_STATUS never shows the overflow.</summary>
    public bool ReportsOverflow { get; set; } = true;

    public byte WhoAmI
    {
        set => _registers.Define(0x75, value, writableMask: 0);
    }

    public long SamplesTaken { get; private set; }

    public int FifoResets { get; private set; }

    public byte this[int register] => _registers[register];

    public double SampleRateHz => ((_registers[0x1A] & 0x07) is 0 or 7 ? 8000.0 : 1000.0) / (1 + _registers[0x19]);

    private bool Awake => (_registers[0x6B] & 0x40) == 0;

    protected override int NextRegister(int register) => register == 0x74 ? 0x74 : base.NextRegister(register);

    protected override void OnTransfer()
    {
        if (!Awake)
            return;
        var period = 1 / SampleRateHz;
        var due = (long)Math.Floor(((_clock.Elapsed - _anchor).TotalSeconds - Phase * period) / period) + 1;
        for (; _samplesSinceAnchor < due; _samplesSinceAnchor++)
            TakeSample();
    }

    protected override byte ReadRegister(int register)
    {
        switch (register)
        {
            case 0x3A:
                var status = _registers[0x3A];
                _registers[0x3A] = 0;
                return status;
            case 0x72:
                _latchedCount = _fifoCount;
                return (byte)(_latchedCount >> 8);
            case 0x73:
                return (byte)_latchedCount;
            case 0x74:
                return Pop();
            case >= 0x3B and <= 0x48:
                var value = _sample[(register - 0x3B) / 2];
                return (byte)(register % 2 == 1 ? value >> 8 : value);
            default:
                return _registers[register];
        }
    }

    protected override void WriteRegister(int register, byte value)
    {
        switch (register)
        {
            case 0x6B when (value & 0x80) != 0:
                _registers.Reset();
                ClearFifo();
                return;
            case 0x6A:
                if ((value & 0x04) != 0 && (value & 0x40) == 0)
                {
                    ClearFifo();
                    FifoResets++;
                }
                _registers.Write(register, (byte)(value & ~0x04)); // FIFO_RESET clears itself
                return;
            case 0x19 or 0x1A or 0x6B:
                _registers.Write(register, value);
                (_anchor, _samplesSinceAnchor) = (_clock.Elapsed, 0); // the sample clock restarts at the new rate
                return;
            default:
                _registers.Write(register, value);
                return;
        }
    }

    private void TakeSample()
    {
        var s = Signal(SamplesTaken++);
        (_sample[0], _sample[1], _sample[2], _sample[3], _sample[4], _sample[5], _sample[6]) = (s.Ax, s.Ay, s.Az, s.Temp, s.Gx, s.Gy, s.Gz);
        if ((_registers[0x6A] & 0x40) == 0)
            return;
        var enabled = _registers[0x23];
        if ((enabled & 0x08) != 0)
            PushAxes(0, 3);
        if ((enabled & 0x80) != 0)
            PushAxes(3, 1);
        for (var axis = 0; axis < 3; axis++)
        {
            if ((enabled & (0x40 >> axis)) != 0)
                PushAxes(4 + axis, 1);
        }
    }

    private void PushAxes(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            Push((byte)(_sample[i] >> 8));
            Push((byte)_sample[i]);
        }
    }

    private void Push(byte value)
    {
        if (_fifoCount == FifoSize)
        {
            // 4.31: when the FIFO has overflowed the oldest data is lost and new data is written
            _fifoHead = (_fifoHead + 1) % FifoSize;
            _fifoCount--;
            if (ReportsOverflow && (_registers[0x38] & 0x10) != 0)
                _registers[0x3A] |= 0x10;
        }
        _fifo[(_fifoHead + _fifoCount) % FifoSize] = value;
        _fifoCount++;
    }

    private byte Pop()
    {
        if (_fifoCount == 0)
            return _lastPopped; // 4.31: an empty FIFO reads the last byte again
        _lastPopped = _fifo[_fifoHead];
        _fifoHead = (_fifoHead + 1) % FifoSize;
        _fifoCount--;
        return _lastPopped;
    }

    private void ClearFifo() => (_fifoHead, _fifoCount) = (0, 0);
}
