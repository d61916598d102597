using System.Buffers.Binary;
using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Testing.Devices.Emulation;

namespace GzAiEdge.Testing.Devices.Sensors.Bme280;

/// <summary>
/// A BME280 at register level, from BST-BME280-DS002: the memory map with reset values and read-only registers
/// (5.3), soft reset with its start-up time (table 1) and NVM copy (status.im_update), ctrl_hum latched by the next
/// ctrl_meas write (5.4.3), config writes ignored in normal mode (5.4.6), forced and normal mode on the typical
/// measurement time (appendix 9.1) and standby (table 27), and the 0x80000/0x8000 left by skipped measurements.
/// The ADC values are the test's; the IIR filter is not modelled (a constant input passes it unchanged).
/// </summary>
public sealed class Bme280Emulator : RegisterMapEmulator
{
    private static readonly double[] StandbyMs = [0.5, 62.5, 125, 250, 500, 1000, 10, 20];
    private readonly EmulatedClock _clock;
    private readonly RegisterFile _registers = new();
    private readonly byte[] _nvm = new byte[256];
    private TimeSpan _respondsAt;
    private TimeSpan? _imageLoadsAt;
    private TimeSpan _conversionStartsAt;
    private TimeSpan? _measurementEndsAt;
    private int _latchedOsrsH;

    /// <summary>A chip trimmed as <see cref="DatasheetExample.Trimming"/>, the set the datasheet example's values come from.</summary>
    public Bme280Emulator(EmulatedClock clock, int bus = 1, int address = 0x76)
        : this(clock, DatasheetExample.Trimming, bus, address)
    {
    }

    internal Bme280Emulator(EmulatedClock clock, Bme280Calibration trimming, int bus = 1, int address = 0x76)
        : base(bus, address)
    {
        _clock = clock;
        Encode(trimming, _nvm);
        _registers.Define(0xD0, 0x60, writableMask: 0);
        _registers.Define(0xF2, 0x00, writableMask: 0x07);
        _registers.Define(0xF4, 0x00);
        _registers.Define(0xF5, 0x00, writableMask: 0xFD);
        byte[] dataReset = [0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00];
        for (var i = 0; i < dataReset.Length; i++)
            _registers.Define(0xF7 + i, dataReset[i], writableMask: 0);
        LoadImage();
    }

    /// <summary>The id register's content; a BMP280 reads 0x58.</summary>
    public byte ChipId
    {
        set => _registers.Define(0xD0, value, writableMask: 0);
    }

    /// <summary>What the ADC measures: the BMP280 datasheet's worked example (3.12) and a mid-range humidity.</summary>
    public int AdcTemperature { get; set; } = 519888;

    public int AdcPressure { get; set; } = 415148;

    public int AdcHumidity { get; set; } = 30000;

    public int Measurements { get; private set; }

    public int SoftResets { get; private set; }

    /// <summary>How long after a soft reset the trimming is being copied (status.im_update = 1).</summary>
    public TimeSpan NvmCopyTime { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Corrupts the trimming image as an unprogrammed NVM would read.</summary>
    public void EraseTrimming() => Array.Fill(_nvm, (byte)0xFF, 0x88, 0xA1 - 0x88 + 1);

    /// <summary>A power glitch: the chip comes back from power-on reset with everything at reset values.</summary>
    public void PowerCycle()
    {
        _registers.Reset();
        _measurementEndsAt = null;
        LoadImage();
    }

    internal static void Encode(in Bme280Calibration c, byte[] nvm)
    {
        ushort[] tp = [c.DigT1, (ushort)c.DigT2, (ushort)c.DigT3, c.DigP1, (ushort)c.DigP2, (ushort)c.DigP3, (ushort)c.DigP4,
            (ushort)c.DigP5, (ushort)c.DigP6, (ushort)c.DigP7, (ushort)c.DigP8, (ushort)c.DigP9];
        for (var i = 0; i < tp.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(nvm.AsSpan(0x88 + 2 * i), tp[i]);
        nvm[0xA1] = c.DigH1;
        BinaryPrimitives.WriteInt16LittleEndian(nvm.AsSpan(0xE1), c.DigH2);
        nvm[0xE3] = c.DigH3;
        nvm[0xE4] = (byte)(c.DigH4 >> 4);
        nvm[0xE5] = (byte)((c.DigH4 & 0x0F) | ((c.DigH5 & 0x0F) << 4));
        nvm[0xE6] = (byte)(c.DigH5 >> 4);
        nvm[0xE7] = (byte)c.DigH6;
    }

    protected override void OnTransfer()
    {
        var now = _clock.Elapsed;
        if (now < _respondsAt)
            throw NoAcknowledge();
        if (_imageLoadsAt is { } loads && now >= loads)
            LoadImage();
        while (_measurementEndsAt is { } ends && now >= ends)
        {
            StoreMeasurement();
            var mode = _registers[0xF4] & 0x03;
            if (mode == 0x03)
            {
                _conversionStartsAt = ends + TimeSpan.FromMilliseconds(StandbyMs[_registers[0xF5] >> 5]);
                _measurementEndsAt = _conversionStartsAt + MeasurementTime();
            }
            else
            {
                _registers[0xF4] &= 0xFC; // forced mode falls back to sleep (3.3.2)
                _measurementEndsAt = null;
            }
        }
    }

    protected override byte ReadRegister(int register) => register switch
    {
        0xF3 => (byte)((Converting ? 0x08 : 0) | (_imageLoadsAt is null ? 0 : 0x01)),
        0xE0 => 0x00,
        _ => _registers[register],
    };

    protected override void WriteRegister(int register, byte value)
    {
        switch (register)
        {
            case 0xE0 when value == 0xB6:
                SoftReset();
                break;
            case 0xF5 when (_registers[0xF4] & 0x03) == 0x03:
                break; // 5.4.6: writes to config in normal mode may be ignored; this chip ignores them
            case 0xF4:
                _registers.Write(register, value);
                _latchedOsrsH = _registers[0xF2] & 0x07;
                _conversionStartsAt = _clock.Elapsed;
                _measurementEndsAt = (value & 0x03) == 0 ? null : _conversionStartsAt + MeasurementTime();
                break;
            default:
                _registers.Write(register, value);
                break;
        }
    }

    private bool Converting => _measurementEndsAt is { } ends && _clock.Elapsed >= _conversionStartsAt && _clock.Elapsed < ends;

    private void SoftReset()
    {
        SoftResets++;
        _registers.Reset();
        for (var r = 0x88; r <= 0xA1; r++)
            _registers[r] = 0;
        for (var r = 0xE1; r <= 0xE7; r++)
            _registers[r] = 0;
        _measurementEndsAt = null;
        _latchedOsrsH = 0;
        _respondsAt = _clock.Elapsed + TimeSpan.FromMilliseconds(2);
        _imageLoadsAt = _respondsAt + NvmCopyTime;
    }

    private void LoadImage()
    {
        for (var r = 0x88; r <= 0xA1; r++)
            _registers[r] = _nvm[r];
        for (var r = 0xE1; r <= 0xE7; r++)
            _registers[r] = _nvm[r];
        _imageLoadsAt = null;
    }

    private void StoreMeasurement()
    {
        Measurements++;
        var osrsT = _registers[0xF4] >> 5;
        var osrsP = (_registers[0xF4] >> 2) & 0x07;
        var pressure = osrsP == 0 ? 0x80000 : AdcPressure;
        var temperature = osrsT == 0 ? 0x80000 : AdcTemperature;
        var humidity = _latchedOsrsH == 0 ? 0x8000 : AdcHumidity;
        _registers[0xF7] = (byte)(pressure >> 12);
        _registers[0xF8] = (byte)(pressure >> 4);
        _registers[0xF9] = (byte)((pressure & 0x0F) << 4);
        _registers[0xFA] = (byte)(temperature >> 12);
        _registers[0xFB] = (byte)(temperature >> 4);
        _registers[0xFC] = (byte)((temperature & 0x0F) << 4);
        _registers[0xFD] = (byte)(humidity >> 8);
        _registers[0xFE] = (byte)humidity;
    }

    /// <summary>t_measure,typ of appendix 9.1: 1 ms + 2 ms per temperature sample + (2 ms per sample + 0.5 ms) each for P and H.</summary>
    private TimeSpan MeasurementTime()
    {
        static int Samples(int osrs) => osrs == 0 ? 0 : 1 << (Math.Min(osrs, 5) - 1);
        var p = Samples((_registers[0xF4] >> 2) & 0x07);
        var h = Samples(_latchedOsrsH);
        var ms = 1 + 2.0 * Samples(_registers[0xF4] >> 5) + (p == 0 ? 0 : 2.0 * p + 0.5) + (h == 0 ? 0 : 2.0 * h + 0.5);
        return TimeSpan.FromMilliseconds(ms);
    }
}
