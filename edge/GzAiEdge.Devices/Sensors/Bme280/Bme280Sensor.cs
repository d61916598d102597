using GzAiEdge.Devices.I2c;
using static GzAiEdge.Devices.Sensors.Bme280.Bme280Registers;

namespace GzAiEdge.Devices.Sensors.Bme280;

/// <summary>
/// Bosch BME280 temperature, humidity and pressure sensor on I2C (datasheet BST-BME280-DS002). Not thread-safe:
/// one reader per chip.
/// </summary>
public sealed class Bme280Sensor : IDisposable
{
    /// <summary>Address with SDO to GND; 0x77 with SDO to VDDIO (datasheet 6.2).</summary>
    public const int DefaultAddress = 0x76;

    // t_startup (table 1): no communication is guaranteed sooner after a (soft) power-on reset.
    private static readonly TimeSpan StartupTime = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);
    private const int MaxPolls = 20;

    // ctrl_hum, status, ctrl_meas, config: one burst from 0xF2 gives the status and shows whether the settings held.
    private const int CtrlHumToConfig = Config - CtrlHum + 1;

    private readonly II2cDevice _device;
    private readonly TimeProvider _time;
    private readonly byte[] _control = new byte[CtrlHumToConfig];
    private readonly byte[] _data = new byte[DataLength];
    private Bme280Calibration _calibration;
    private Bme280Settings? _settings;

    /// <summary>
    /// Takes <paramref name="device"/> over: disposing the sensor disposes it. <paramref name="time"/> paces the
    /// waits the datasheet asks for (the system clock unless given).
    /// </summary>
    public Bme280Sensor(II2cDevice device, TimeProvider? time = null)
    {
        _device = device;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Checks the chip id, soft-resets the chip, waits for its trimming to load, reads the trimming and applies
    /// <paramref name="settings"/>. In normal mode it also waits out the first measurement, so that the first
    /// <see cref="ReadAsync"/> has data.
    /// </summary>
    /// <exception cref="I2cException">No chip, the wrong chip, bad trimming, or a transfer failed.</exception>
    public async Task InitializeAsync(Bme280Settings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        _settings = null;
        CheckChipId();
        _device.WriteRegister(Reset, ResetCommand);
        await Task.Delay(StartupTime, _time, cancellationToken);
        await WaitForStatusClearAsync(StatusImUpdate, "the NVM copy (status.im_update)", cancellationToken);
        _calibration = ReadCalibration();
        Configure(settings);
        _settings = settings;
        if (settings.Mode == Bme280Mode.Normal)
        {
            // The data registers hold reset values until the first cycle ends; after it they always hold the
            // latest complete measurement (data shadowing, 4), so one wait is enough. Polling status.measuring
            // would not do: with a short t_sb the chip is converting most of the time.
            await Task.Delay(WholeMilliseconds(settings.MaxMeasurementTime), _time, cancellationToken);
            ReadControl(settings);
        }
    }

    /// <summary>
    /// Takes a measurement (forced mode: triggers it and waits for it; normal mode: the latest one) and compensates
    /// it with the datasheet's integer formulas.
    /// </summary>
    /// <exception cref="I2cException">A transfer failed, or the chip lost its settings (it was reset).</exception>
    public async ValueTask<Bme280Reading> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = _settings ?? throw new InvalidOperationException("Bme280Sensor.InitializeAsync must succeed before ReadAsync");
        if (settings.Mode == Bme280Mode.Forced)
        {
            _device.WriteRegister(CtrlMeas, (byte)(settings.CtrlMeas | (byte)Bme280Mode.Forced));
            await WaitForMeasurementAsync(settings, cancellationToken);
        }
        else
        {
            ReadControl(settings);
        }

        _device.ReadRegisters(Data, _data);
        return Compensate(_data, settings, _calibration);
    }

    public void Dispose() => _device.Dispose();

    /// <summary>
    /// Turns a data burst (0xF7..0xFE) into a reading. What was skipped is decided by the settings, not by the
    /// 0x80000/0x8000 the chip leaves there (5.4.7-5.4.9): 0x8000 is also a real humidity reading (near 70 %RH with typical trimming).
    /// </summary>
    internal static Bme280Reading Compensate(ReadOnlySpan<byte> d, Bme280Settings settings, in Bme280Calibration c)
    {
        if (settings.Temperature == Bme280Oversampling.Skipped)
            return default;
        var adcP = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4);
        var adcT = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4);
        var adcH = (d[6] << 8) | d[7];
        var centiCelsius = Bme280Compensation.Temperature(adcT, c, out var tFine);
        double? pressure = settings.Pressure == Bme280Oversampling.Skipped ? null : Bme280Compensation.Pressure(adcP, tFine, c) / 256.0;
        double? humidity = settings.Humidity == Bme280Oversampling.Skipped ? null : Bme280Compensation.Humidity(adcH, tFine, c) / 1024.0;
        return new Bme280Reading(centiCelsius / 100.0, pressure, humidity);
    }

    private void CheckChipId()
    {
        var id = _device.ReadRegister(Id);
        if (id == ChipId)
            return;
        var found = id switch
        {
            0x56 or 0x57 or 0x58 => "a BMP280 (pressure and temperature, no humidity)",
            0x61 => "a BME680",
            0x55 => "a BMP180 or BMP085",
            0x00 or 0xFF => "not a Bosch sensor (floating bus or another chip at this address?)",
            _ => "an unknown chip",
        };
        throw new I2cException(_device.Bus, _device.Address, Id, $"chip id 0x{id:x2} is {found}, not a BME280 (0x{ChipId:x2})");
    }

    private Bme280Calibration ReadCalibration()
    {
        Span<byte> tp = stackalloc byte[CalibrationTpLength];
        Span<byte> h = stackalloc byte[CalibrationHLength];
        _device.ReadRegisters(CalibrationTp, tp);
        _device.ReadRegisters(CalibrationH, h);
        var calibration = Bme280Calibration.Parse(tp, h);
        if (calibration.Problem(tp) is { } problem)
            throw new I2cException(_device.Bus, _device.Address, CalibrationTp, $"trimming parameters are invalid: {problem}");
        return calibration;
    }

    private void Configure(Bme280Settings settings)
    {
        // config is only reliably written in sleep mode (5.4.6) and ctrl_hum takes effect only with the next write
        // to ctrl_meas (5.4.3): so sleep, config, ctrl_hum, and ctrl_meas with the mode last.
        _device.WriteRegister(CtrlMeas, settings.CtrlMeas);
        _device.WriteRegister(Config, settings.Config);
        _device.WriteRegister(CtrlHum, settings.CtrlHum);
        var mode = settings.Mode == Bme280Mode.Normal ? Bme280Mode.Normal : Bme280Mode.Sleep;
        _device.WriteRegister(CtrlMeas, (byte)(settings.CtrlMeas | (byte)mode));
        ReadControl(settings);
    }

    private async Task WaitForMeasurementAsync(Bme280Settings settings, CancellationToken cancellationToken)
    {
        await Task.Delay(WholeMilliseconds(settings.MaxMeasurementTime), _time, cancellationToken);
        for (var poll = 0; ReadControl(settings); poll++)
        {
            if (poll == MaxPolls)
                throw new I2cException(_device.Bus, _device.Address, Status,
                    $"measurement still running (status.measuring) {MaxPolls} ms after its datasheet maximum of {settings.MaxMeasurementTime.TotalMilliseconds} ms");
            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    // Timers count whole milliseconds and Task.Delay truncates: round up so the wait is never shorter than asked.
    private static TimeSpan WholeMilliseconds(TimeSpan wait) => TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));

    private async Task WaitForStatusClearAsync(byte mask, string what, CancellationToken cancellationToken)
    {
        for (var poll = 0; (_device.ReadRegister(Status) & mask) != 0; poll++)
        {
            if (poll == MaxPolls)
                throw new I2cException(_device.Bus, _device.Address, Status, $"{what} still running after {MaxPolls} ms");
            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    /// <summary>
    /// Reads ctrl_hum..config, throws if they no longer hold the settings (a reset chip returns to sleep with
    /// everything 0), and says whether a measurement is running.
    /// </summary>
    private bool ReadControl(Bme280Settings settings)
    {
        _device.ReadRegisters(CtrlHum, _control);
        Expect(CtrlHum, _control[0] & 0x07, settings.CtrlHum);
        Expect(Config, _control[3] & 0xFC, settings.Config);
        var ctrlMeas = _control[2];
        Expect(CtrlMeas, ctrlMeas & 0xFC, settings.CtrlMeas);
        // In forced mode the chip returns mode to sleep when done (3.3.2), so only normal mode must read back.
        if (settings.Mode == Bme280Mode.Normal)
            Expect(CtrlMeas, ctrlMeas & 0x03, (int)Bme280Mode.Normal);
        return (_control[1] & StatusMeasuring) != 0;
    }

    private void Expect(byte register, int actual, int expected)
    {
        if (actual != expected)
            throw new I2cException(_device.Bus, _device.Address, register,
                $"reads 0x{actual:x2} where 0x{expected:x2} was written: the chip lost its settings (reset or power glitch?); initialize it again");
    }
}
