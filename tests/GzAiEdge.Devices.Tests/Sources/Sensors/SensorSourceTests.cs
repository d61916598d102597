using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.Testing.Devices.Emulation;
using GzAiEdge.Testing.Devices.Gpio;
using GzAiEdge.Testing.Devices.Sensors.Bme280;
using GzAiEdge.Testing.Devices.Sensors.Max30102;
using GzAiEdge.Testing.Devices.Sensors.Mpu6050;
using GzAiEdge.Testing.Devices.Sources;

namespace GzAiEdge.Devices.Tests.Sources.Sensors;

/// <summary>Sensor sources as <see cref="SensorSources"/> builds them, over chip emulators on an emulated clock.</summary>
public sealed class SensorSourceTests
{
    private readonly EmulatedClock _clock = new();
    private readonly EmulatedSensorPorts _ports = new();

    [Fact]
    public void A_wrong_chip_id_fails_the_open_naming_bus_address_and_register_and_the_tick_then_backs_off_with_it()
    {
        _ports.With(new Bme280Emulator(_clock) { ChipId = 0x58 });
        using var source = Create(new SensorOptions { Chip = SensorOptions.Bme280 }, tickHz: 1);

        var error = Assert.Throws<I2cException>(source.Open);
        Tick(source, 1, 1);

        Assert.Equal("i2c-1 address 0x76 register 0xd0: chip id 0x58 is a BMP280 (pressure and temperature, no humidity), not a BME280 (0x60)", error.Message);
        Assert.Equal((SourceState.Backoff, error.Message, 0L), (source.Stats.State, source.Stats.Reason, source.Stats.Received));
    }

    [Fact]
    public void A_missing_chip_is_tried_again_after_a_wait_that_doubles_up_to_the_longest()
    {
        using var source = Create(new SensorOptions { Chip = SensorOptions.Bme280, BackoffSeconds = 1, MaxBackoffSeconds = 4 }, tickHz: 1);

        Tick(source, 12, 1);

        // Tries at 1 s, then after 1, 2, 4 and 4 s: at 2, 4, 8 and 12 s.
        Assert.Equal(5, _ports.Opens);
        Assert.Equal(SourceState.Backoff, source.Stats.State);
        Assert.Equal("i2c-1 address 0x76: no device answers (emulated bus)", source.Stats.Reason);
        // Every second after the first failure was due and never came.
        Assert.Equal(11, source.Stats.Lost);
    }

    [Fact]
    public void An_mpu6050_fifo_overflow_counts_the_lost_samples_and_restarts_the_index_so_no_window_spans_the_gap()
    {
        _ports.With(new Mpu6050Emulator(_clock));
        using var source = Create(new SensorOptions { Chip = SensorOptions.Mpu6050 }, tickHz: 20);
        source.Open();
        Tick(source, 30, 20);
        var values = new float[8192];
        var stamps = new SampleStamp[8192];
        var before = source.Read(values, stamps);

        // Half a second without a read: the 170 ms FIFO overflows.
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Tick(source, 10, 20);
        var after = source.Read(values, stamps);

        Assert.InRange(before, 200, 512);
        // The driver resets an overflowed FIFO (its frames are no longer aligned): all 550 ms since the last read are
        // gone, 550 ms × 512 Hz at the source's rate.
        Assert.InRange(source.Stats.Lost, 270, 290);
        var restart = Array.FindIndex(stamps, 0, after, s => s.Index == 0);
        Assert.True(restart >= 0, $"no sample restarted the index among {after}");
        Assert.Equal(after - restart - 1, stamps[after - 1].Index);
        Assert.Equal(SourceState.Streaming, source.Stats.State);
    }

    [Fact]
    public void A_max30102_without_a_finger_skips_its_seconds_and_makes_up_no_reading()
    {
        _ports.With(new Max30102Emulator(_clock) { Signal = _ => (900, 1_000) });
        using var source = Create(new SensorOptions { Chip = SensorOptions.Max30102 }, tickHz: 10);

        Tick(source, 100, 10);

        Assert.Equal((0L, 0L), (source.Stats.Delivered, source.Stats.Received));
        Assert.InRange(source.Stats.Skipped, 9, 10);
        Assert.Equal(0, source.Read(new float[2], new SampleStamp[1]));
    }

    [Fact]
    public void A_pulse_line_stuck_active_streams_with_a_warning()
    {
        _ports.Line = new GpioLineEmulator(false).At(1000, true);
        using var source = Create(new SensorOptions { Chip = SensorOptions.PulseCounter, Line = "17", StuckActiveSeconds = 5 }, tickHz: 10);

        Tick(source, 100, 10);

        Assert.Equal(SourceState.Streaming, source.Stats.State);
        Assert.StartsWith("emulated gpiochip0 line 17 active for ", source.Stats.Reason, StringComparison.Ordinal);
        Assert.Contains("a parked vehicle", source.Stats.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bme280_reading_is_one_sample_per_tick_in_the_units_the_environment_pipeline_reads()
    {
        _ports.With(new Bme280Emulator(_clock) { AdcTemperature = DatasheetExample.AdcT, AdcPressure = DatasheetExample.AdcP });
        using var source = Create(new SensorOptions { Chip = SensorOptions.Bme280 }, tickHz: 2);
        var values = new float[30];
        var stamps = new SampleStamp[10];

        Tick(source, 4, 2);
        var count = source.Read(values, stamps);

        Assert.Equal(["temperature_c", "humidity_pct", "pressure_hpa"], source.Format.Channels);
        Assert.Equal(4, count);
        Assert.Equal(25.08f, values[9], 0.001f);
        Assert.Equal(1006.5327f, values[11], 0.001f);
        Assert.Equal([0L, 1, 2, 3], stamps[..4].Select(s => s.Index));
    }

    private SensorSource Create(SensorOptions options, double tickHz) => SensorSources.Create(options, tickHz, _ports, _clock);

    private void Tick(SensorSource source, int ticks, double tickHz)
    {
        var step = TimeSpan.FromSeconds(1 / tickHz);
        for (var i = 0; i < ticks; i++)
        {
            _clock.Advance(step);
            _ports.Line?.AdvanceTo(_clock.Elapsed.TotalMilliseconds);
            source.Advance(_clock.GetUtcNow(), step);
        }
    }
}
