using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sensors.Mpu6050;
using GzAiEdge.Testing.Devices.Emulation;
using GzAiEdge.Testing.Devices.Sensors.Mpu6050;

namespace GzAiEdge.Devices.Tests.Sensors.Mpu6050;

public sealed class Mpu6050SensorTests
{
    private readonly EmulatedClock _clock = new();
    private readonly Mpu6050Emulator _chip;
    private readonly Mpu6050Sensor _sensor;
    private readonly Mpu6050Sample[] _samples = new Mpu6050Sample[256];

    public Mpu6050SensorTests()
    {
        _chip = new Mpu6050Emulator(_clock);
        _sensor = new Mpu6050Sensor(_chip, _clock);
    }

    [Fact]
    public async Task Default_settings_sample_at_1_kHz_as_the_register_map_prescribes()
    {
        await _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None);

        Assert.Equal(0x00, _chip[0x19]); // SMPLRT_DIV 0: 1 kHz / (1 + 0)
        Assert.Equal(0x01, _chip[0x1A]); // DLPF_CFG 1: 184 Hz, gyro output rate 1 kHz (4.3)
        Assert.Equal(0x08, _chip[0x1C]); // AFS_SEL 1: ±4 g
        Assert.Equal(0x08, _chip[0x23]); // ACCEL_FIFO_EN
        Assert.Equal(0x10, _chip[0x38]); // FIFO_OFLOW_EN
        Assert.Equal(0x40, _chip[0x6A]); // USER_CTRL.FIFO_EN
        Assert.Equal(0x01, _chip[0x6B]); // awake, CLKSEL 1 (PLL, X gyro)
        Assert.Equal(1000, _sensor.SampleRateHz);
        Assert.Equal(1000, _chip.SampleRateHz);
        Assert.True(_clock.Waited >= TimeSpan.FromMilliseconds(130), "100 ms after DEVICE_RESET, 30 ms gyro start-up");
    }

    [Fact]
    public async Task Filter_off_with_divider_7_also_samples_at_1_kHz()
    {
        await _sensor.InitializeAsync(new Mpu6050Settings { Bandwidth = Mpu6050Bandwidth.Hz260, SampleRateDivider = 7 }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        var read = _sensor.ReadSamples(_samples);

        Assert.Equal((0x07, 0x00), (_chip[0x19], _chip[0x1A])); // 8 kHz / (1 + 7)
        Assert.InRange(read, 99, 101);
    }

    [Fact]
    public void Sampling_faster_than_the_accelerometer_outputs_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Mpu6050Settings { Bandwidth = Mpu6050Bandwidth.Hz260, SampleRateDivider = 1 }.Validate());

        Assert.Contains("4000 Hz", ex.Message);
    }

    [Fact]
    public async Task Fifo_frames_decode_to_the_acceleration_and_rate_the_chip_measured()
    {
        _chip.Signal = _ => (4096, -2048, 8192, 0, 131, -1310, 2620);
        await _sensor.InitializeAsync(new Mpu6050Settings { IncludeGyro = true, GyroRange = Mpu6050GyroRange.Dps250 }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(10));

        var read = _sensor.ReadSamples(_samples);

        Assert.InRange(read, 9, 11);
        var s = _samples[0];
        Assert.Equal(new(0.5f, -0.25f, 1f), s.Acceleration); // ±4 g: 8192 LSB/g (4.17)
        Assert.Equal(new(4.903325f, -2.4516625f, 9.80665f), s.AccelerationMetersPerSecondSquared);
        Assert.Equal(new(1f, -10f, 20f), s.AngularRate); // ±250 °/s: 131 LSB/(°/s) (4.19)
    }

    [Fact]
    public async Task Samples_are_numbered_and_timed_from_the_sample_rate_and_read_in_whole_frames()
    {
        await _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        var first = _sensor.ReadSamples(_samples.AsSpan(0, 30));
        var rest = _sensor.ReadSamples(_samples.AsSpan(30));

        Assert.Equal(30, first);
        Assert.InRange(first + rest, 99, 101);
        for (var i = 0; i < first + rest; i++)
        {
            Assert.Equal(i, _samples[i].Index);
            Assert.Equal(TimeSpan.FromMilliseconds(i), _samples[i].Time);
            Assert.Equal(SampleNumber(_samples[0]) + i, SampleNumber(_samples[i])); // no frame skipped or split
        }
    }

    [Fact]
    public async Task Overflow_resets_the_fifo_and_counts_the_lost_samples()
    {
        // At 400 kHz the chip keeps sampling (and overflowing) while the driver reads and resets it.
        _chip.ByteTime = RegisterMapEmulator.FastModeByteTime;
        await _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        var before = _sensor.ReadSamples(_samples);
        var lastBefore = _samples[before - 1];
        var resets = _chip.FifoResets;
        _clock.Advance(TimeSpan.FromMilliseconds(500)); // 500 samples into 170 frames of FIFO

        var atOverflow = _sensor.ReadSamples(_samples);
        _clock.Advance(TimeSpan.FromMilliseconds(20));
        var after = _sensor.ReadSamples(_samples);

        Assert.Equal(0, atOverflow);
        Assert.Equal((1, resets + 1), (_sensor.Overflows, _chip.FifoResets));
        Assert.InRange(after, 19, 21);
        var trueLost = SampleNumber(_samples[0]) - SampleNumber(lastBefore) - 1;
        Assert.InRange(_sensor.LostSamples, trueLost - 1, trueLost + 1);
        Assert.InRange(trueLost, 500, 520); // 500 ms plus the time the transfers took
        Assert.Equal(lastBefore.Index + 1 + _sensor.LostSamples, _samples[0].Index); // the gap shows in Index
        for (var i = 1; i < after; i++)
            Assert.Equal(SampleNumber(_samples[0]) + i, SampleNumber(_samples[i]));
    }

    [Fact]
    public async Task An_overflow_flagged_again_while_resetting_is_not_counted_twice()
    {
        await _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _chip.ByteTime = TimeSpan.FromMilliseconds(0.5); // a slow bus: samples keep overflowing the full FIFO until it is reset

        Assert.Equal(0, _sensor.ReadSamples(_samples));
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        var after = _sensor.ReadSamples(_samples);

        Assert.True(after > 0);
        Assert.Equal(1, _sensor.Overflows);
    }

    [Fact]
    public async Task A_full_fifo_is_recovered_even_when_the_overflow_flag_never_shows()
    {
        _chip.ReportsOverflow = false;
        await _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(0, _sensor.ReadSamples(_samples));
        _clock.Advance(TimeSpan.FromMilliseconds(10));

        Assert.InRange(_sensor.ReadSamples(_samples), 9, 11);
        Assert.Equal(1, _sensor.Overflows);
        Assert.InRange(_sensor.LostSamples, 299, 301);
    }

    [Fact]
    public async Task Bus_error_mid_fifo_read_names_fifo_r_w_and_the_next_read_resynchronises()
    {
        await _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(20));
        _chip.FailReadAfter(7, goodReads: 2); // INT_STATUS and FIFO_COUNT pass; the FIFO burst breaks mid-frame

        var ex = Assert.Throws<I2cException>(() => _sensor.ReadSamples(_samples));
        Assert.Equal(0, _sensor.ReadSamples(_samples));
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        var after = _sensor.ReadSamples(_samples);

        Assert.Equal((1, 0x68, 0x74), (ex.Bus, ex.Address, ex.Register!.Value));
        Assert.InRange(_sensor.LostSamples, 19, 21);
        Assert.Equal(0, _sensor.Overflows);
        Assert.InRange(after, 9, 11);
        for (var i = 0; i < after; i++)
        {
            Assert.Equal(new(SampleNumber(_samples[i]) / 8192f, -0.25f, 1f), _samples[i].Acceleration); // aligned again
            Assert.Equal(SampleNumber(_samples[0]) + i, SampleNumber(_samples[i]));
        }
    }

    [Fact]
    public async Task Wrong_who_am_i_names_the_chip_found()
    {
        _chip.WhoAmI = 0x70;

        var ex = await Assert.ThrowsAsync<I2cException>(() => _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None));

        Assert.Equal(0x75, ex.Register);
        Assert.Contains("WHO_AM_I 0x70 is an MPU-6500, not an MPU-6050 (0x68)", ex.Message);
    }

    [Fact]
    public async Task Missing_device_names_bus_address_and_who_am_i()
    {
        _chip.Acknowledges = false;

        var ex = await Assert.ThrowsAsync<I2cException>(() => _sensor.InitializeAsync(new Mpu6050Settings(), CancellationToken.None));

        Assert.Equal("i2c-1 address 0x68 register 0x75: reading 1 byte(s) failed (i2c-1 address 0x68: no acknowledge (ENXIO): check wiring, power and address)", ex.Message);
    }

    [Fact]
    public async Task Reading_the_fifo_allocates_nothing()
    {
        await _sensor.InitializeAsync(new Mpu6050Settings { IncludeGyro = true }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        _sensor.ReadSamples(_samples);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(5));
            _sensor.ReadSamples(_samples);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // The emulator's default signal puts the chip's own sample number (mod 8000) in accel X: 8192 LSB per g at ±4 g.
    private static long SampleNumber(Mpu6050Sample s) => (long)Math.Round(s.Acceleration.X * 8192);
}
