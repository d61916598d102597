using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.Gpio.Interop;
using KernelHeaders = GzAiEdge.Devices.Tests.Native.KernelHeaders;

namespace GzAiEdge.Devices.Tests.Gpio;

public sealed unsafe class GpioLineConfigTests
{
    [Fact]
    public void Input_request_is_byte_for_byte_what_C_builds_from_the_header()
    {
        var options = new GpioInputOptions
        {
            Bias = GpioBias.PullUp,
            ActiveLow = true,
            Edges = GpioEdges.Both,
            Debounce = TimeSpan.FromMilliseconds(5),
            EventClock = GpioEventClock.Realtime,
            EventBufferSize = 256,
        };

        var request = GpioLineConfig.Input(17, "gz-probe", options);

        Assert.Equal(Convert.ToHexString(KernelHeaders.Bytes("input_request")), Hex(request));
    }

    [Fact]
    public void Output_request_is_byte_for_byte_what_C_builds_from_the_header()
    {
        var options = new GpioOutputOptions { InitialValue = true, Drive = GpioDrive.OpenDrain, Bias = GpioBias.PullUp };

        var request = GpioLineConfig.Output(4, "gz-relay", options);

        Assert.Equal(Convert.ToHexString(KernelHeaders.Bytes("output_request")), Hex(request));
    }

    [Fact]
    public void Input_without_edges_sets_no_event_clock_and_no_attributes()
    {
        var request = GpioLineConfig.Input(3, "gz", new GpioInputOptions { Bias = GpioBias.PullDown, EventClock = GpioEventClock.Realtime });

        Assert.Equal((ulong)(GpioLineFlags.Input | GpioLineFlags.BiasPullDown), request.Config.Flags);
        Assert.Equal(0u, request.Config.NumAttrs);
        Assert.Equal(3u, request.Offsets[0]);
        Assert.Equal(1u, request.NumLines);
    }

    [Fact]
    public void Consumer_longer_than_the_kernel_field_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => GpioLineConfig.Input(0, new string('x', 32), new GpioInputOptions()));

        Assert.Contains("longer than 31 UTF-8 bytes", e.Message);
    }

    [Fact]
    public void Event_buffer_over_the_kernel_ceiling_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GpioLineConfig.Input(0, "gz", new GpioInputOptions { EventBufferSize = 1025 }));

        Assert.Contains("0 (kernel default) to 1024", e.Message);
    }

    private static string Hex(GpioV2LineRequest request) =>
        Convert.ToHexString(new ReadOnlySpan<byte>(&request, sizeof(GpioV2LineRequest)));
}
