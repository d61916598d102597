using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sensors.Bme280;
using GzAiEdge.Testing.Devices.Emulation;
using GzAiEdge.Testing.Devices.Sensors.Bme280;

namespace GzAiEdge.Devices.Tests.Sensors.Bme280;

public sealed class Bme280SensorTests
{
    private readonly EmulatedClock _clock = new();
    private readonly Bme280Emulator _chip;
    private readonly Bme280Sensor _sensor;

    public Bme280SensorTests()
    {
        _chip = new Bme280Emulator(_clock, DatasheetExample.Trimming);
        _sensor = new Bme280Sensor(_chip, _clock);
    }

    [Fact]
    public async Task Forced_read_gives_the_datasheet_example_through_the_registers()
    {
        await _sensor.InitializeAsync(new Bme280Settings(), CancellationToken.None);

        var reading = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(25.08, reading.TemperatureCelsius);
        Assert.Equal(100653.27, reading.PressurePascals!.Value, 0.02);
        Assert.Equal(56317 / 1024.0, reading.HumidityPercent); // worked by hand in Bme280CompensationTests
        Assert.Equal(1, _chip.SoftResets);
        Assert.Equal(1, _chip.Measurements);
    }

    [Fact]
    public async Task Forced_read_waits_the_datasheet_maximum_measurement_time()
    {
        var settings = new Bme280Settings { Temperature = Bme280Oversampling.X2, Pressure = Bme280Oversampling.X16, Humidity = Bme280Oversampling.X1 };
        await _sensor.InitializeAsync(settings, CancellationToken.None);
        var before = _clock.Waited;

        var reading = await _sensor.ReadAsync(CancellationToken.None);

        // appendix 9.1: 1.25 + 2.3*2 + (2.3*16 + 0.575) + (2.3*1 + 0.575) = 46.1 ms, waited in whole milliseconds;
        // the chip (typically 42.5 ms) is done by then, so no poll is needed
        Assert.Equal(46.1, settings.MaxMeasurementTime.TotalMilliseconds, 1e-9);
        Assert.Equal(TimeSpan.FromMilliseconds(47), _clock.Waited - before);
        Assert.NotNull(reading.PressurePascals);
        Assert.Equal(1, _chip.Measurements);
    }

    [Fact]
    public async Task Ctrl_hum_is_written_before_ctrl_meas_so_that_it_takes_effect()
    {
        // Normal mode writes ctrl_meas once, so a ctrl_hum written after it would never be latched (5.4.3) and
        // humidity would stay skipped; forced mode re-latches it on every trigger and would hide the mistake.
        await _sensor.InitializeAsync(new Bme280Settings { Mode = Bme280Mode.Normal, Humidity = Bme280Oversampling.X4 }, CancellationToken.None);
        var registers = _chip.Writes.Select(w => w.Register).ToList();

        var reading = await _sensor.ReadAsync(CancellationToken.None);

        Assert.True(registers.LastIndexOf(0xF2) < registers.LastIndexOf(0xF4), "ctrl_hum after the last ctrl_meas is ignored (5.4.3)");
        Assert.Equal(56317 / 1024.0, reading.HumidityPercent); // the emulator latches osrs_h only on a ctrl_meas write
    }

    [Fact]
    public async Task Skipped_measurements_read_as_null()
    {
        var settings = new Bme280Settings { Pressure = Bme280Oversampling.Skipped, Humidity = Bme280Oversampling.Skipped };
        await _sensor.InitializeAsync(settings, CancellationToken.None);

        var reading = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(25.08, reading.TemperatureCelsius);
        Assert.Null(reading.PressurePascals);
        Assert.Null(reading.PressureHectopascals);
        Assert.Null(reading.HumidityPercent);
    }

    [Fact]
    public async Task A_measured_humidity_of_0x8000_is_a_value_not_a_skip()
    {
        _chip.AdcHumidity = 0x8000;
        await _sensor.InitializeAsync(new Bme280Settings(), CancellationToken.None);

        var reading = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(72045 / 1024.0, reading.HumidityPercent); // 70.36 %RH by the 4.2.3 formula, a plain mid-range value
    }

    [Fact]
    public async Task Normal_mode_holds_its_config_and_reads_the_latest_measurement()
    {
        var settings = new Bme280Settings
        {
            Mode = Bme280Mode.Normal,
            Filter = Bme280Filter.Coefficient4,
            Standby = Bme280Standby.Ms125,
            Pressure = Bme280Oversampling.X8,
        };
        await _sensor.InitializeAsync(settings, CancellationToken.None);
        var first = await _sensor.ReadAsync(CancellationToken.None);
        _chip.AdcTemperature = 530000;
        _clock.Advance(TimeSpan.FromSeconds(1));

        var later = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(25.08, first.TemperatureCelsius);
        Assert.True(later.TemperatureCelsius > 26, $"normal mode kept measuring: {later.TemperatureCelsius} °C");
        Assert.InRange(_chip.Measurements, 7, 9); // 1 s / (125 ms standby + ~21.5 ms measurement)
        Assert.Contains((0xF5, (byte)0b010_010_00), _chip.Writes); // t_sb 125 ms, filter 4
    }

    [Fact]
    public async Task Reconfiguring_from_normal_mode_goes_through_sleep_so_config_is_not_ignored()
    {
        await _sensor.InitializeAsync(new Bme280Settings { Mode = Bme280Mode.Normal }, CancellationToken.None);

        await _sensor.InitializeAsync(new Bme280Settings { Mode = Bme280Mode.Normal, Filter = Bme280Filter.Coefficient16 }, CancellationToken.None);

        Assert.NotNull((await _sensor.ReadAsync(CancellationToken.None)).TemperatureCelsius);
    }

    [Fact]
    public async Task Trimming_is_read_only_after_the_NVM_copy_has_finished()
    {
        _chip.NvmCopyTime = TimeSpan.FromMilliseconds(5);

        await _sensor.InitializeAsync(new Bme280Settings(), CancellationToken.None);

        Assert.Equal(25.08, (await _sensor.ReadAsync(CancellationToken.None)).TemperatureCelsius);
        Assert.True(_clock.Waited >= TimeSpan.FromMilliseconds(7), $"waited {_clock.Waited.TotalMilliseconds} ms for start-up and NVM copy");
    }

    [Fact]
    public async Task Wrong_chip_id_names_the_chip_found()
    {
        _chip.ChipId = 0x58;

        var ex = await Assert.ThrowsAsync<I2cException>(() => _sensor.InitializeAsync(new Bme280Settings(), CancellationToken.None));

        Assert.Equal("i2c-1 address 0x76 register 0xd0: chip id 0x58 is a BMP280 (pressure and temperature, no humidity), not a BME280 (0x60)", ex.Message);
    }

    [Fact]
    public async Task Missing_device_names_bus_address_and_the_id_register()
    {
        _chip.Acknowledges = false;

        var ex = await Assert.ThrowsAsync<I2cException>(() => _sensor.InitializeAsync(new Bme280Settings(), CancellationToken.None));

        Assert.Equal((1, 0x76, 0xD0), (ex.Bus, ex.Address, ex.Register!.Value));
        Assert.Contains("no acknowledge", ex.Message);
    }

    [Fact]
    public async Task Erased_trimming_is_refused()
    {
        _chip.EraseTrimming();

        var ex = await Assert.ThrowsAsync<I2cException>(() => _sensor.InitializeAsync(new Bme280Settings(), CancellationToken.None));

        Assert.Equal(0x88, ex.Register);
        Assert.Contains("NVM image is not loaded", ex.Message);
    }

    [Fact]
    public async Task Bus_error_mid_burst_names_the_data_register_and_the_next_read_works()
    {
        await _sensor.InitializeAsync(new Bme280Settings(), CancellationToken.None);
        _chip.AdcTemperature = 530000;
        _chip.FailReadAfter(3, goodReads: 1); // the status poll passes, the data burst breaks

        var ex = await Assert.ThrowsAsync<I2cException>(async () => await _sensor.ReadAsync(CancellationToken.None));
        var next = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Equal((1, 0x76, 0xF7), (ex.Bus, ex.Address, ex.Register!.Value));
        Assert.Contains("transfer failed after 3 of 8 bytes", ex.Message);
        Assert.True(next.TemperatureCelsius > 26, $"{next.TemperatureCelsius} °C");
    }

    [Fact]
    public async Task A_chip_that_lost_its_settings_is_reported_not_read_as_zeros()
    {
        await _sensor.InitializeAsync(new Bme280Settings { Mode = Bme280Mode.Normal }, CancellationToken.None);
        _chip.PowerCycle();

        var ex = await Assert.ThrowsAsync<I2cException>(async () => await _sensor.ReadAsync(CancellationToken.None));

        Assert.Contains("lost its settings", ex.Message);
    }

    [Fact]
    public async Task Settings_that_cannot_compensate_are_refused_before_touching_the_bus()
    {
        var settings = new Bme280Settings { Temperature = Bme280Oversampling.Skipped };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sensor.InitializeAsync(settings, CancellationToken.None));

        Assert.Contains("t_fine", ex.Message);
        Assert.Equal(0, _chip.Transfers);
    }
}
