using GzAiEdge.Devices.Sensors.PulseCounter;
using GzAiEdge.Testing.Devices.Gpio;

namespace GzAiEdge.Devices.Tests.Sensors.PulseCounter;

using Counter = GzAiEdge.Devices.Sensors.PulseCounter.PulseCounter;

/// <summary>The counter against scripted waveforms; all times in milliseconds from the counter's start.</summary>
public sealed class PulseCounterTests
{
    private static readonly PulseCounterOptions Options = new() { Line = 17 };

    [Fact]
    public void Clean_pulses_are_counted_with_rate_occupancy_and_width()
    {
        var line = new GpioLineEmulator(initial: false);
        for (var k = 1; k <= 10; k++)
        {
            line.Pulse(k * 1000, 100);
        }

        var reading = Play(line, Options, untilMs: 11_000);

        Assert.Equal(10, reading.Count);
        Assert.Equal(10, reading.PulsesInWindow);
        Assert.Equal(TimeSpan.FromSeconds(11), reading.Window);
        Assert.Equal(10.0 / 11, reading.PerSecond, 12);
        Assert.Equal(36_000.0 / 11, reading.PerHour, 9);
        Assert.Equal(1.0 / 11, reading.Occupancy, 12);
        Assert.Equal(TimeSpan.FromSeconds(1), reading.OccupiedTotal);
        Assert.Equal(TimeSpan.FromMilliseconds(100), reading.LastPulseWidth);
        Assert.Equal((0, 0), (reading.Rejected, reading.LostEvents));
        Assert.False(reading.Active);
        Assert.Equal(TimeSpan.FromMilliseconds(900), reading.InStateFor);
        Assert.Equal(PulseLineHealth.Ok, reading.Health);
    }

    [Fact]
    public void Rate_and_occupancy_cover_only_the_window()
    {
        var line = new GpioLineEmulator(initial: false);
        for (var k = 0; k < 120; k++)
        {
            line.Pulse(500 + (k * 1000), 100);
        }

        var reading = Play(line, Options, untilMs: 120_000);

        Assert.Equal(120, reading.Count);
        Assert.Equal(60, reading.PulsesInWindow);
        Assert.Equal(TimeSpan.FromSeconds(60), reading.Window);
        Assert.Equal(1.0, reading.PerSecond, 12);
        Assert.Equal(3600.0, reading.PerHour, 9);
        Assert.Equal(0.1, reading.Occupancy, 12);
        Assert.Equal(TimeSpan.FromSeconds(12), reading.OccupiedTotal);
    }

    [Fact]
    public void Pulse_across_the_window_start_adds_occupancy_but_no_count()
    {
        var line = new GpioLineEmulator(initial: false).Pulse(59_950, 100);

        var reading = Play(line, Options, untilMs: 120_000);

        Assert.Equal((1, 0), (reading.Count, reading.PulsesInWindow));
        Assert.Equal(0.05 / 60, reading.Occupancy, 12);
    }

    [Fact]
    public void Contact_bounce_glitches_and_short_dropouts_are_not_counted()
    {
        var line = Chatter();

        var reading = Play(line, Options, untilMs: 6000);

        Assert.Equal(2, reading.Count);
        Assert.Equal(6, reading.Rejected);
        Assert.Equal(TimeSpan.FromMilliseconds(204 + 200), reading.OccupiedTotal);
        Assert.Equal(TimeSpan.FromMilliseconds(200), reading.LastPulseWidth);
        Assert.Equal(1200.0, reading.PerHour, 9);
        Assert.Equal(0.404 / 6, reading.Occupancy, 12);
    }

    [Fact]
    public void Without_software_debounce_every_bounce_is_a_vehicle()
    {
        var reading = Play(Chatter(), Options with { MinPulseMs = 0, MinGapMs = 0 }, untilMs: 6000);

        Assert.Equal(8, reading.Count);
        Assert.Equal(0, reading.Rejected);
    }

    [Fact]
    public void Line_held_active_is_diagnosed_as_stuck()
    {
        var line = new GpioLineEmulator(initial: false).At(10_000, true);

        var reading = Play(line, Options, untilMs: 311_000);

        Assert.Equal(PulseLineHealth.StuckActive, reading.Health);
        Assert.True(reading.Active);
        Assert.Equal(TimeSpan.FromSeconds(301), reading.InStateFor);
        Assert.Equal(1, reading.Count);
        Assert.Equal(1.0, reading.Occupancy, 12);
        Assert.Equal(TimeSpan.FromSeconds(301), reading.OccupiedTotal);
        Assert.Null(reading.LastPulseWidth);
    }

    [Fact]
    public void Line_quiet_for_the_silent_time_is_diagnosed_as_silent()
    {
        var line = new GpioLineEmulator(initial: false).Pulse(1000, 100);
        var counter = new Counter(line, Options);

        Assert.Equal(PulseLineHealth.Ok, Pump(line, counter, untilMs: 900_000).Health);
        var reading = Pump(line, counter, untilMs: 1_000_000);

        Assert.Equal(PulseLineHealth.Silent, reading.Health);
        Assert.Equal(TimeSpan.FromMilliseconds(1_000_000 - 1100), reading.InStateFor);
        Assert.Equal((1, 0, 0.0), (reading.Count, reading.PulsesInWindow, reading.PerHour));
    }

    [Fact]
    public void Pulse_lost_whole_in_the_kernel_is_missing_but_the_loss_is_reported()
    {
        var line = new GpioLineEmulator(initial: false).Pulse(1000, 100).DropNext(2).Pulse(2000, 100).Pulse(3000, 100).Pulse(4000, 100);

        var reading = Play(line, Options, untilMs: 5000);

        Assert.Equal((3, 2), (reading.Count, reading.LostEvents));
    }

    [Fact]
    public void Lost_release_joins_two_pulses_instead_of_corrupting_the_count()
    {
        var line = new GpioLineEmulator(initial: false).Pulse(1000, 100).At(3000, true).DropNext(1).At(3100, false).Pulse(4000, 100);

        var reading = Play(line, Options, untilMs: 5000);

        Assert.Equal((2, 1), (reading.Count, reading.LostEvents));
        Assert.Equal(TimeSpan.FromMilliseconds(1100), reading.LastPulseWidth);
        Assert.False(reading.Active);
    }

    [Fact]
    public void Held_change_is_accepted_once_the_line_is_seen_to_hold_it()
    {
        var line = new GpioLineEmulator(initial: false).At(9990, true);
        var counter = new Counter(line, Options);

        Assert.Equal(0, Pump(line, counter, untilMs: 10_000).Count);
        var reading = Pump(line, counter, untilMs: 10_015);

        Assert.Equal(1, reading.Count);
        Assert.True(reading.Active);
        Assert.Equal(TimeSpan.FromMilliseconds(25), reading.InStateFor);
    }

    [Fact]
    public void Line_active_at_start_adds_occupancy_but_is_not_a_detection()
    {
        var line = new GpioLineEmulator(initial: true).At(2000, false);

        var reading = Play(line, Options, untilMs: 3000);

        Assert.Equal(0, reading.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), reading.OccupiedTotal);
        Assert.Null(reading.LastPulseWidth);
    }

    [Fact]
    public async Task Run_pumps_until_cancelled_and_then_returns()
    {
        var line = new GpioLineEmulator(initial: false).Pulse(100, 50).Pulse(300, 50);
        var counter = new Counter(line, Options);
        line.AdvanceTo(1000);
        using var cancel = new CancellationTokenSource();

        var run = Task.Run(() => counter.Run(cancel.Token));
        for (var waited = 0; counter.Read() is not { Count: 2, Active: false } && waited < 30_000; waited += 10)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromMilliseconds(100), counter.Read().OccupiedTotal);
    }

    [Fact]
    public void Steady_state_counting_allocates_nothing()
    {
        var line = new GpioLineEmulator(initial: false);
        for (var k = 0; k < 400; k++)
        {
            line.Pulse(500 + (k * 1000), 100);
        }

        var counter = new Counter(line, Options);
        Pump(line, counter, untilMs: 200_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var ms = 200_050; ms <= 400_000; ms += 50)
        {
            line.AdvanceTo(ms);
            counter.Pump(TimeSpan.Zero, CancellationToken.None);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(400, counter.Read().Count);
    }

    // Press with bounce (1004–1208 ms), a 5 ms glitch, then a 200 ms detection with a 10 ms drop-out in it.
    private static GpioLineEmulator Chatter() => new GpioLineEmulator(initial: false)
        .Pulse(1000, 1).Pulse(1002, 1).At(1004, true)
        .At(1204, false).Pulse(1205, 1).Pulse(1207, 1)
        .Pulse(3000, 5)
        .Pulse(5000, 100).Pulse(5110, 90);

    private static PulseCounterReading Play(GpioLineEmulator line, PulseCounterOptions options, int untilMs) =>
        Pump(line, new Counter(line, options), untilMs);

    // Moves the clock in 50 ms steps, pumping at each, as Run would with a short timeout.
    private static PulseCounterReading Pump(GpioLineEmulator line, Counter counter, int untilMs)
    {
        for (var ms = (int)(line.Now / 1_000_000) + 50; ms <= untilMs; ms += 50)
        {
            line.AdvanceTo(Math.Min(ms, untilMs));
            counter.Pump(TimeSpan.Zero, CancellationToken.None);
        }

        line.AdvanceTo(untilMs);
        counter.Pump(TimeSpan.Zero, CancellationToken.None);
        return counter.Read();
    }
}
