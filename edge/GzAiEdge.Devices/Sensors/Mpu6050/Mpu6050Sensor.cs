using GzAiEdge.Devices.I2c;
using static GzAiEdge.Devices.Sensors.Mpu6050.Mpu6050Registers;

namespace GzAiEdge.Devices.Sensors.Mpu6050;

/// <summary>
/// InvenSense MPU-6050 accelerometer (and gyroscope) streaming through its FIFO, for vibration at up to 1 kHz.
/// Not thread-safe: one reader per chip.
/// </summary>
public sealed partial class Mpu6050Sensor : IDisposable
{
    /// <summary>Address with AD0 low; 0x69 with AD0 high (product specification 9.2).</summary>
    public const int DefaultAddress = 0x68;

    // 4.28 note: wait 100 ms after DEVICE_RESET. Product specification 6.1: gyroscope start-up 30 ms from sleep,
    // and the PLL clock is derived from it.
    private static readonly TimeSpan ResetTime = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StartupTime = TimeSpan.FromMilliseconds(30);

    private readonly II2cDevice _device;
    private readonly TimeProvider _time;
    private Mpu6050Settings? _settings;

    /// <summary>
    /// Takes <paramref name="device"/> over: disposing the sensor disposes it. <paramref name="time"/> paces the
    /// waits the datasheet asks for (the system clock unless given).
    /// </summary>
    public Mpu6050Sensor(II2cDevice device, TimeProvider? time = null)
    {
        _device = device;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Samples per second into the FIFO (0 before initialisation).</summary>
    public double SampleRateHz => _settings?.SampleRateHz ?? 0;

    /// <summary>When the FIFO last started from sample 0 (UTC, from the host clock).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>
    /// Checks WHO_AM_I, resets the chip, wakes it on the gyro PLL clock, applies <paramref name="settings"/>,
    /// reads them back, and starts the FIFO.
    /// </summary>
    /// <exception cref="I2cException">No chip, the wrong chip, a setting that did not hold, or a transfer failed.</exception>
    public async Task InitializeAsync(Mpu6050Settings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        _settings = null;
        CheckWhoAmI();
        _device.WriteRegister(PwrMgmt1, DeviceReset);
        await Task.Delay(ResetTime, _time, cancellationToken);
        _device.WriteRegister(PwrMgmt1, ClockPllGyroX); // SLEEP = 0
        await Task.Delay(StartupTime, _time, cancellationToken);

        ReadOnlySpan<byte> config =
        [
            settings.SampleRateDivider,
            (byte)settings.Bandwidth,
            (byte)((int)settings.GyroRange << 3),
            (byte)((int)settings.AccelRange << 3),
        ];
        for (var i = 0; i < config.Length; i++)
            _device.WriteRegister((byte)(SmplrtDiv + i), config[i]);
        Span<byte> readBack = stackalloc byte[config.Length];
        _device.ReadRegisters(SmplrtDiv, readBack);
        for (var i = 0; i < config.Length; i++)
            _device.ExpectReadBack((byte)(SmplrtDiv + i), readBack[i], config[i]);
        _device.ExpectReadBack(PwrMgmt1, _device.ReadRegister(PwrMgmt1), ClockPllGyroX);

        // The overflow flag is what tells a reader that samples were overwritten; enable it so INT_STATUS shows it.
        _device.WriteRegister(IntEnable, FifoOverflow);
        _device.WriteRegister(FifoEn, (byte)(FifoEnAccel | (settings.IncludeGyro ? FifoEnGyroXyz : 0)));
        _settings = settings;
        _accelScale = (float)(1 / settings.AccelLsbPerG);
        _gyroScale = (float)(1 / settings.GyroLsbPerDps);
        _nextIndex = 0;
        LostSamples = 0;
        Overflows = 0;
        StartedAt = _time.GetUtcNow();
        RestartFifo();
    }

    public void Dispose() => _device.Dispose();

    private void CheckWhoAmI()
    {
        var id = _device.ReadRegister(WhoAmI);
        if (id == WhoAmIValue)
            return;
        var found = id switch
        {
            0x70 => "an MPU-6500",
            0x71 => "an MPU-9250",
            0x73 => "an MPU-9255",
            0x19 => "an MPU-6886",
            0x12 => "an ICM-20602",
            0x00 or 0xFF => "not an InvenSense chip (floating bus or another chip at this address?)",
            _ => "an unknown chip",
        };
        throw new I2cException(_device.Bus, _device.Address, WhoAmI,
            $"WHO_AM_I 0x{id:x2} is {found}, not an MPU-6050 (0x{WhoAmIValue:x2}); its FIFO and scales differ");
    }
}
