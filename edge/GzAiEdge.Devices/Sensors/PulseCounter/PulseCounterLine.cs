using GzAiEdge.Devices.Gpio;

namespace GzAiEdge.Devices.Sensors.PulseCounter;

/// <summary>Requests the line a <see cref="PulseCounter"/> watches, as its options describe.</summary>
public static class PulseCounterLine
{
    public const string Consumer = "gz-pulse-counter";

    /// <summary>
    /// Opens the chip, finds the line and requests it as an input with both edges on the monotonic clock, which
    /// rates and widths need (wall time can step under NTP). The chip is closed again; the line stays requested
    /// until the returned line is disposed.
    /// </summary>
    public static GpioInputLine Open(PulseCounterOptions options)
    {
        using var chip = GpioChip.Open(options.Chip);
        var offset = options.LineName is { Length: > 0 } name
            ? chip.FindLine(name) ?? throw new GpioException(chip.Path, null, $"no line is named '{name}' ({chip.Info.Label}, {chip.Info.Lines} lines; `gpioinfo` lists them)")
            : options.Line;
        return chip.RequestInput(offset, Input(options), Consumer);
    }

    internal static GpioInputOptions Input(PulseCounterOptions options) => new()
    {
        Bias = options.Bias,
        ActiveLow = options.ActiveLow,
        Edges = GpioEdges.Both,
        Debounce = TimeSpan.FromMicroseconds(options.HardwareDebounceMicroseconds),
        EventClock = GpioEventClock.Monotonic,
        EventBufferSize = options.EventBufferSize,
    };
}
