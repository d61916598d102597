using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Sensors.Max30102;
using GzAiEdge.Testing.Devices.Emulation;
using GzAiEdge.Testing.Devices.Sensors.Max30102;

namespace GzAiEdge.Devices.Tests.Sensors.Max30102;

public sealed class Max30102SensorTests
{
    private readonly EmulatedClock _clock = new();
    private readonly Max30102Emulator _chip;
    private readonly Max30102Sensor _sensor;
    private readonly Max30102Sample[] _samples = new Max30102Sample[32];

    public Max30102SensorTests()
    {
        _chip = new Max30102Emulator(_clock);
        _sensor = new Max30102Sensor(_chip, _clock);
    }

    [Fact]
    public async Task Initialisation_resets_and_configures_spo2_mode()
    {
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);

        Assert.Equal(0x03, _chip[0x09]); // MODE 011: SpO2, red and IR
        Assert.Equal(0b0_10_00000, _chip[0x08]); // SMP_AVE 4, rollover off, A_FULL at 0 free slots
        Assert.Equal(0b0_01_011_11, _chip[0x0A]); // 4096 nA, 400 sps, 411 µs
        Assert.Equal((0x20, 0x20), (_chip[0x0C], _chip[0x0D])); // 6.4 mA = 32 × 0.2 mA
        Assert.Equal(0x80, _chip[0x02]); // A_FULL_EN
        Assert.Equal(100, _sensor.SampleRateHz);
        Assert.Equal(3, _sensor.Revision);
        var writes = _chip.Writes.Select(w => w.Register).ToList();
        Assert.True(writes.IndexOf(0x06) < writes.LastIndexOf(0x09), "pointers are cleared before SpO2 mode starts");
    }

    [Fact]
    public async Task Reset_is_waited_for_until_the_bit_clears()
    {
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);

        Assert.True(_clock.Waited >= TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Fifo_samples_decode_as_18_bit_red_and_ir_with_timestamps()
    {
        _chip.Signal = t => (100_000 + (int)(t * 100), 200_001 + (int)(t * 100));
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(105));

        var read = _sensor.ReadSamples(_samples);

        Assert.Equal(10, read);
        for (var i = 0; i < read; i++)
        {
            Assert.Equal(new Max30102Sample(i, TimeSpan.FromMilliseconds(10 * i), 100_000 + i, 200_001 + i), _samples[i]);
        }
    }

    [Fact]
    public async Task Shorter_pulses_give_fewer_bits_left_justified()
    {
        _chip.Signal = _ => (100_007, 200_005);
        await _sensor.InitializeAsync(new Max30102Settings { PulseWidth = Max30102PulseWidth.Us69, SampleRate = Max30102SampleRate.Sps100, Averaging = 1 }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(15));

        Assert.Equal(1, _sensor.ReadSamples(_samples));
        Assert.Equal((100_000, 200_000), (_samples[0].Red, _samples[0].Ir)); // 15 bits: the low 3 of 18 are 0
    }

    [Fact]
    public async Task A_full_fifo_with_nothing_lost_reads_all_32()
    {
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(325)); // 32 samples at 100/s: write pointer back on the read pointer

        Assert.Equal(32, _sensor.ReadSamples(_samples));
        Assert.Equal(0, _sensor.LostSamples);
    }

    [Fact]
    public async Task Overflow_counter_is_counted_and_the_gap_follows_the_stored_samples()
    {
        _chip.Signal = t => (90_000, 100_000 + (int)Math.Round(t * 100)); // IR carries the sample number
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(425)); // 42 samples into 32 slots

        var stored = _sensor.ReadSamples(_samples.AsSpan(0, 20));
        var rest = _sensor.ReadSamples(_samples.AsSpan(20));
        _clock.Advance(TimeSpan.FromMilliseconds(20));
        var next = _sensor.ReadSamples(_samples);

        Assert.Equal((20, 12), (stored, rest));
        Assert.Equal(10, _sensor.LostSamples);
        Assert.Equal(_chip.Dropped, _sensor.LostSamples);
        Assert.Equal(1, _sensor.Overflows);
        Assert.Equal(31, _samples[31].Index);
        Assert.True(next >= 2);
        Assert.Equal(_samples[0].Ir - 100_000, _samples[0].Index); // after the gap, Index is the chip's sample number again
        Assert.Equal(42, _samples[0].Index);
    }

    [Fact]
    public async Task A_saturated_overflow_counter_is_replaced_by_the_clock()
    {
        _chip.Signal = t => (90_000, 100_000 + (int)Math.Round(t * 100));
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2.505)); // 250 samples, 218 of them dropped; the counter stops at 31

        Assert.Equal(32, _sensor.ReadSamples(_samples));
        _clock.Advance(TimeSpan.FromMilliseconds(30));
        var next = _sensor.ReadSamples(_samples);

        Assert.Equal(218, _chip.Dropped);
        Assert.InRange(_sensor.LostSamples, 217, 219);
        Assert.True(next >= 2);
        Assert.InRange(_samples[0].Index - (_samples[0].Ir - 100_000), -1, 1);
    }

    [Fact]
    public async Task Bus_error_mid_fifo_read_names_fifo_data_and_the_next_read_starts_clean()
    {
        _chip.Signal = t => (90_000, 100_000 + (int)Math.Round(t * 100));
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(105));
        _chip.FailReadAfter(9, goodReads: 1); // the status burst passes; the FIFO burst breaks inside sample 2

        var ex = Assert.Throws<I2cException>(() => _sensor.ReadSamples(_samples));
        Assert.Equal(0, _sensor.ReadSamples(_samples));
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        var next = _sensor.ReadSamples(_samples);

        Assert.Equal((1, 0x57, 0x07), (ex.Bus, ex.Address, ex.Register!.Value));
        Assert.Equal(10, _sensor.LostSamples);
        Assert.Equal(5, next);
        for (var i = 0; i < next; i++)
        {
            Assert.Equal(90_000, _samples[i].Red); // whole samples again, red then IR
            Assert.Equal(_samples[i].Ir - 100_000, _samples[i].Index);
        }
    }

    [Fact]
    public async Task Die_temperature_reads_integer_and_sixteenths()
    {
        _chip.DieTemperature = -5.5;
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        var before = _clock.Waited;

        var temperature = await _sensor.ReadDieTemperatureAsync(CancellationToken.None);

        Assert.Equal(-5.5, temperature);
        Assert.True(_clock.Waited - before >= TimeSpan.FromMilliseconds(29));
    }

    [Fact]
    public async Task Wrong_part_id_names_the_chip_found()
    {
        _chip.PartId = 0x11;

        var ex = await Assert.ThrowsAsync<I2cException>(() => _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None));

        Assert.Equal("i2c-1 address 0x57 register 0xff: part id 0x11 is a MAX30100 (different register map), not a MAX30102 (0x15)", ex.Message);
    }

    [Fact]
    public async Task Missing_device_names_bus_address_and_part_id()
    {
        _chip.Acknowledges = false;

        var ex = await Assert.ThrowsAsync<I2cException>(() => _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None));

        Assert.Equal((1, 0x57, 0xFF), (ex.Bus, ex.Address, ex.Register!.Value));
    }

    [Theory]
    [InlineData(Max30102SampleRate.Sps800, Max30102PulseWidth.Us411, "SampleRate")]
    [InlineData(Max30102SampleRate.Sps3200, Max30102PulseWidth.Us69, "SampleRate")]
    public void Settings_the_datasheet_does_not_allow_are_refused(Max30102SampleRate rate, Max30102PulseWidth width, string named)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Max30102Settings { SampleRate = rate, PulseWidth = width }.Validate());

        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public void Led_current_beyond_51_mA_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Max30102Settings { IrCurrentMilliamps = 60 }.Validate());

        Assert.Contains("IrCurrentMilliamps", ex.Message);
    }

    [Fact]
    public async Task Reading_the_fifo_allocates_nothing()
    {
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _sensor.ReadSamples(_samples);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            _sensor.ReadSamples(_samples);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task A_72_bpm_finger_through_the_chip_gives_heart_rate_and_spo2()
    {
        var ppg = new SyntheticPpg(72, ratio: 0.6);
        _chip.Signal = ppg.At;
        _chip.ByteTime = RegisterMapEmulator.FastModeByteTime;
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        var analyzer = new PpgAnalyzer(_sensor.SampleRateHz);

        for (var poll = 0; poll < 150; poll++) // 15 s, polled every 100 ms
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            var n = _sensor.ReadSamples(_samples);
            for (var i = 0; i < n; i++)
                analyzer.Add(_samples[i].Red, _samples[i].Ir);
        }

        Assert.Equal(0, _sensor.LostSamples);
        Assert.InRange(analyzer.Current.HeartRateBpm!.Value, 70, 74);
        Assert.InRange(analyzer.Current.Spo2Percent!.Value, ppg.ExpectedSpo2 - 1, ppg.ExpectedSpo2 + 1);
    }

    [Fact]
    public async Task An_empty_window_reads_as_no_finger()
    {
        _chip.Signal = _ => (2_500, 3_100);
        await _sensor.InitializeAsync(new Max30102Settings(), CancellationToken.None);
        var analyzer = new PpgAnalyzer(_sensor.SampleRateHz);
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        var n = _sensor.ReadSamples(_samples);
        for (var i = 0; i < n; i++)
            analyzer.Add(_samples[i].Red, _samples[i].Ir);

        Assert.True(n > 0);
        Assert.Equal(new PpgReading(false, null, null, null, null), analyzer.Current);
    }
}
