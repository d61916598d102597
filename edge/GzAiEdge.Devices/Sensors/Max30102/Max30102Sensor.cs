using GzAiEdge.Devices.I2c;
using static GzAiEdge.Devices.Sensors.Max30102.Max30102Registers;

namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>
/// Maxim MAX30102 pulse oximeter front end in SpO2 mode (red and IR), read through its 32-sample FIFO; heart rate
/// and SpO2 come from <see cref="PpgAnalyzer"/>. Not a medical device. Not thread-safe: one reader per chip.
/// </summary>
public sealed partial class Max30102Sensor : IDisposable
{
    /// <summary>The MAX30102's only address (write 0xAE, read 0xAF).</summary>
    public const int DefaultAddress = 0x57;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);
    private const int MaxResetPolls = 100;

    // Electrical characteristics: temperature ADC acquisition time 29 ms.
    private static readonly TimeSpan TemperatureConversion = TimeSpan.FromMilliseconds(29);
    private const int MaxTemperaturePolls = 20;

    private readonly II2cDevice _device;
    private readonly TimeProvider _time;
    private Max30102Settings? _settings;

    /// <summary>
    /// Takes <paramref name="device"/> over: disposing the sensor disposes it. <paramref name="time"/> paces the
    /// waits the datasheet asks for (the system clock unless given).
    /// </summary>
    public Max30102Sensor(II2cDevice device, TimeProvider? time = null)
    {
        _device = device;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>FIFO samples per second (0 before initialisation).</summary>
    public double SampleRateHz => _settings?.SampleRateHz ?? 0;

    /// <summary>The chip's revision id (register 0xFE), read at initialisation.</summary>
    public byte Revision { get; private set; }

    /// <summary>When the FIFO started from sample 0 (UTC, host clock).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>
    /// Checks the part id, resets the chip, applies <paramref name="settings"/> and reads them back, clears the FIFO
    /// pointers (as the datasheet asks before entering SpO2 mode) and starts SpO2 mode.
    /// </summary>
    /// <exception cref="I2cException">No chip, the wrong chip, a setting that did not hold, or a transfer failed.</exception>
    public async Task InitializeAsync(Max30102Settings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        _settings = null;
        CheckPartId();
        Revision = _device.ReadRegister(RevisionId);
        _device.WriteRegister(ModeConfig, ModeReset);
        for (var poll = 0; (_device.ReadRegister(ModeConfig) & ModeReset) != 0; poll++)
        {
            if (poll == MaxResetPolls)
                throw new I2cException(_device.Bus, _device.Address, ModeConfig, $"RESET did not clear within {MaxResetPolls} ms");
            await Task.Delay(PollInterval, _time, cancellationToken);
        }

        _device.WriteRegister(IntEnable1, AlmostFull);
        _device.WriteRegister(FifoConfig, settings.FifoConfig);
        _device.WriteRegister(Spo2Config, settings.Spo2Config);
        _device.WriteRegister(Led1PulseAmplitude, Max30102Settings.PulseAmplitude(settings.RedCurrentMilliamps));
        _device.WriteRegister(Led2PulseAmplitude, Max30102Settings.PulseAmplitude(settings.IrCurrentMilliamps));
        Span<byte> readBack = stackalloc byte[Led2PulseAmplitude - FifoConfig + 1];
        _device.ReadRegisters(FifoConfig, readBack);
        _device.ExpectReadBack(FifoConfig, readBack[0], settings.FifoConfig);
        _device.ExpectReadBack(Spo2Config, readBack[Spo2Config - FifoConfig], settings.Spo2Config);
        _device.ExpectReadBack(Led1PulseAmplitude, readBack[Led1PulseAmplitude - FifoConfig], Max30102Settings.PulseAmplitude(settings.RedCurrentMilliamps));
        _device.ExpectReadBack(Led2PulseAmplitude, readBack[Led2PulseAmplitude - FifoConfig], Max30102Settings.PulseAmplitude(settings.IrCurrentMilliamps));

        _settings = settings;
        (_nextIndex, LostSamples, Overflows, AmbientLightOverflows, _pendingGap, _beforeGap) = (0, 0, 0, 0, 0, 0);
        ClearFifo();
        _device.WriteRegister(ModeConfig, ModeSpo2);
        StartedAt = _time.GetUtcNow();
        _lastPollAt = _time.GetTimestamp();
    }

    /// <summary>Measures the die temperature (one conversion, about 29 ms), in °C, resolution 0.0625 °C.</summary>
    /// <exception cref="I2cException">A transfer failed or the conversion did not finish.</exception>
    public async Task<double> ReadDieTemperatureAsync(CancellationToken cancellationToken)
    {
        _device.WriteRegister(DieTemperatureConfig, 0x01);
        await Task.Delay(TemperatureConversion, _time, cancellationToken);
        for (var poll = 0; (_device.ReadRegister(DieTemperatureConfig) & 0x01) != 0; poll++)
        {
            if (poll == MaxTemperaturePolls)
                throw new I2cException(_device.Bus, _device.Address, DieTemperatureConfig,
                    $"temperature conversion (TEMP_EN) still running {MaxTemperaturePolls} ms after its 29 ms");
            await Task.Delay(PollInterval, _time, cancellationToken);
        }
        var integer = (sbyte)_device.ReadRegister(DieTemperatureInteger);
        var fraction = _device.ReadRegister(DieTemperatureInteger + 1) & 0x0F;
        return integer + fraction * 0.0625;
    }

    public void Dispose() => _device.Dispose();

    private void CheckPartId()
    {
        var id = _device.ReadRegister(PartId);
        if (id == PartIdValue)
            return;
        var found = id switch
        {
            0x11 => "a MAX30100 (different register map)",
            0x00 or 0xFF => "not a Maxim sensor (floating bus or another chip at this address?)",
            _ => "an unknown chip",
        };
        throw new I2cException(_device.Bus, _device.Address, PartId,
            $"part id 0x{id:x2} is {found}, not a MAX30102 (0x{PartIdValue:x2})");
    }
}
