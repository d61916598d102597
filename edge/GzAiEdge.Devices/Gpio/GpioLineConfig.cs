using GzAiEdge.Devices.Gpio.Interop;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio;

/// <summary>
/// Turns request options into a <c>struct gpio_v2_line_request</c> for one line. The options cannot express the
/// combinations the kernel refuses (gpiolib-cdev.c, gpio_v2_line_flags_validate: input with output, two biases,
/// drive on an input, edges on an output), so an EINVAL from the kernel points at the chip or the kernel.
/// </summary>
internal static unsafe class GpioLineConfig
{
    /// <summary>The kernel's ceiling (GPIO_V2_LINES_MAX × 16); larger requests are cut to it silently.</summary>
    public const int MaxEventBufferSize = GpioUapi.LinesMax * 16;

    public static GpioV2LineRequest Input(int offset, string consumer, GpioInputOptions options)
    {
        var micros = options.Debounce.Ticks / TimeSpan.TicksPerMicrosecond;
        if (micros is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Debounce, "debounce must be 0 or more and under 4295 s");
        }

        if (options.EventBufferSize is < 0 or > MaxEventBufferSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EventBufferSize, $"event buffer size must be 0 (kernel default) to {MaxEventBufferSize}");
        }

        var flags = GpioLineFlags.Input | Bias(options.Bias);
        flags |= options.ActiveLow ? GpioLineFlags.ActiveLow : 0;
        flags |= options.Edges.HasFlag(GpioEdges.Rising) ? GpioLineFlags.EdgeRising : 0;
        flags |= options.Edges.HasFlag(GpioEdges.Falling) ? GpioLineFlags.EdgeFalling : 0;
        flags |= options.Edges != GpioEdges.None && options.EventClock == GpioEventClock.Realtime ? GpioLineFlags.EventClockRealtime : 0;

        var request = Start(offset, consumer, flags);
        request.EventBufferSize = (uint)options.EventBufferSize;
        if (micros > 0)
        {
            ref var debounce = ref request.Config.Attrs[(int)request.Config.NumAttrs++];
            debounce.Attribute.Id = GpioUapi.AttrIdDebounce;
            debounce.Attribute.DebouncePeriodMicroseconds = (uint)micros;
            debounce.Mask = 1;
        }

        return request;
    }

    public static GpioV2LineRequest Output(int offset, string consumer, GpioOutputOptions options)
    {
        var flags = GpioLineFlags.Output | Bias(options.Bias);
        flags |= options.ActiveLow ? GpioLineFlags.ActiveLow : 0;
        flags |= options.Drive switch
        {
            GpioDrive.OpenDrain => GpioLineFlags.OpenDrain,
            GpioDrive.OpenSource => GpioLineFlags.OpenSource,
            _ => GpioLineFlags.None,
        };

        // Always sent, so the line starts at the asked value: without the attribute the kernel drives 0.
        var request = Start(offset, consumer, flags);
        ref var initial = ref request.Config.Attrs[(int)request.Config.NumAttrs++];
        initial.Attribute.Id = GpioUapi.AttrIdOutputValues;
        initial.Attribute.Values = options.InitialValue ? 1UL : 0UL;
        initial.Mask = 1;
        return request;
    }

    private static GpioV2LineRequest Start(int offset, string consumer, GpioLineFlags flags)
    {
        var request = default(GpioV2LineRequest);
        if (!CString.TryWrite(consumer, request.Consumer, GpioUapi.MaxNameSize))
        {
            throw new ArgumentException($"consumer label '{consumer}' is longer than {GpioUapi.MaxNameSize - 1} UTF-8 bytes", nameof(consumer));
        }

        request.Offsets[0] = (uint)offset;
        request.NumLines = 1;
        request.Config.Flags = (ulong)flags;
        return request;
    }

    private static GpioLineFlags Bias(GpioBias bias) => bias switch
    {
        GpioBias.Disabled => GpioLineFlags.BiasDisabled,
        GpioBias.PullUp => GpioLineFlags.BiasPullUp,
        GpioBias.PullDown => GpioLineFlags.BiasPullDown,
        _ => GpioLineFlags.None,
    };
}
