using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.Sensors.PulseCounter;
using GzAiEdge.Testing.Devices.Gpio;

namespace GzAiEdge.Devices.Tests.Sensors.PulseCounter;

public sealed class PulseCounterOptionsTests
{
    [Fact]
    public void Defaults_with_a_line_are_valid()
    {
        Assert.Empty(new PulseCounterOptions { Line = 17 }.Validate());
        Assert.Empty(new PulseCounterOptions { LineName = "GPIO17" }.Validate());
    }

    [Fact]
    public void Every_bad_value_is_named_by_its_key()
    {
        var options = new PulseCounterOptions
        {
            Chip = " ",
            MinPulseMs = -1,
            EventBufferSize = 2000,
            RateWindowSeconds = 7200,
            SilentSeconds = 0,
            Bias = (GpioBias)9,
        };

        Assert.Equal(
        [
            "Traffic:Loop1:Chip: ' ' must name a chip such as /dev/gpiochip0",
            "Traffic:Loop1:Line: -1 must be a line offset (0 or more), or set LineName",
            "Traffic:Loop1:Bias: 9 is not AsIs, Disabled, PullUp or PullDown",
            "Traffic:Loop1:EventBufferSize: 2000 must be 16 to 1024 (the kernel's ceiling)",
            "Traffic:Loop1:MinPulseMs: -1 must be 0 or more",
            "Traffic:Loop1:RateWindowSeconds: 7200 must be over 0 and at most 3600 (one hour)",
            "Traffic:Loop1:SilentSeconds: 0 must be over 0",
        ], options.Validate("Traffic:Loop1"));
    }

    [Fact]
    public void Counter_refuses_bad_options_naming_the_line()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new GzAiEdge.Devices.Sensors.PulseCounter.PulseCounter(new GpioLineEmulator(false), new PulseCounterOptions { Line = 1, MinGapMs = -5 }));

        Assert.StartsWith("pulse counter on emulated gpiochip0 line 17: PulseCounter:MinGapMs: -5 must be 0 or more", e.Message);
    }

    [Fact]
    public void Line_is_requested_with_both_edges_on_the_monotonic_clock()
    {
        var options = new PulseCounterOptions { Line = 4, ActiveLow = true, Bias = GpioBias.PullUp, HardwareDebounceMicroseconds = 2500, EventBufferSize = 512 };

        var input = PulseCounterLine.Input(options);

        Assert.Equal(new GpioInputOptions
        {
            Bias = GpioBias.PullUp,
            ActiveLow = true,
            Edges = GpioEdges.Both,
            Debounce = TimeSpan.FromMicroseconds(2500),
            EventClock = GpioEventClock.Monotonic,
            EventBufferSize = 512,
        }, input);
    }

    [Fact]
    public void Opening_a_missing_chip_names_it()
    {
        var e = Assert.Throws<GpioException>(() => PulseCounterLine.Open(new PulseCounterOptions { Chip = "/dev/gpiochip93", Line = 4 }));

        Assert.StartsWith("/dev/gpiochip93: open: no such GPIO chip; /dev has ", e.Message);
    }
}
