using GzAiEdge.Devices.Gpio;

namespace GzAiEdge.Devices.Sensors.PulseCounter;

/// <summary>A pulse counter on one GPIO line (config section <c>PulseCounter</c>; see README.md).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record PulseCounterOptions
{
    public const string Section = "PulseCounter";

    /// <summary>The chip's device node.</summary>
    public string Chip { get; set; } = "/dev/gpiochip0";

    /// <summary>The line offset on the chip; ignored when <see cref="LineName"/> is set.</summary>
    public int Line { get; set; } = -1;

    /// <summary>The board's name of the line (such as <c>GPIO17</c> on a Raspberry Pi), looked up on the chip.</summary>
    public string? LineName { get; set; }

    /// <summary>The detector pulls the line low when it detects (open-collector outputs, most IR beams).</summary>
    public bool ActiveLow { get; set; }

    public GpioBias Bias { get; set; }

    /// <summary>Debounce in the GPIO controller or kernel, before events reach GzAiEdge; 0 for none.</summary>
    public int HardwareDebounceMicroseconds { get; set; }

    /// <summary>Edges the kernel keeps while the counter is busy (16 to 1024); overflow drops the oldest.</summary>
    public int EventBufferSize { get; set; } = GpioLineConfig.MaxEventBufferSize;

    /// <summary>The shortest detection counted: an active spell shorter than this is chatter.</summary>
    public double MinPulseMs { get; set; } = 20;

    /// <summary>The shortest gap between two detections: a shorter drop-out joins them into one.</summary>
    public double MinGapMs { get; set; } = 20;

    /// <summary>The span the rate and occupancy are taken over.</summary>
    public double RateWindowSeconds { get; set; } = 60;

    /// <summary>Active this long is a stuck line (a parked vehicle, a blocked beam, a shorted cable).</summary>
    public double StuckActiveSeconds { get; set; } = 300;

    /// <summary>No detection for this long is a silent line (no traffic, or a cut cable or dead detector).</summary>
    public double SilentSeconds { get; set; } = 900;

    /// <summary>What is wrong, one line per key (<c>PulseCounter:MinPulseMs: …</c>); empty when all is well.</summary>
    public IReadOnlyList<string> Validate(string section = Section) => [.. Check().Select(p => $"{section}:{p.Key}: {p.Problem}")];

    /// <summary>What is wrong, as (property name, problem), for a host that names the file and line of each key.</summary>
    public IEnumerable<(string Key, string Problem)> Check()
    {
        var checks = new (bool Ok, string Key, object Value, string Rule)[]
        {
            (!string.IsNullOrWhiteSpace(Chip), nameof(Chip), $"'{Chip}'", "must name a chip such as /dev/gpiochip0"),
            (!string.IsNullOrEmpty(LineName) || Line >= 0, nameof(Line), Line, "must be a line offset (0 or more), or set LineName"),
            (Enum.IsDefined(Bias), nameof(Bias), Bias, "is not AsIs, Disabled, PullUp or PullDown"),
            (HardwareDebounceMicroseconds >= 0, nameof(HardwareDebounceMicroseconds), HardwareDebounceMicroseconds, "must be 0 (none) or more"),
            (EventBufferSize is >= 16 and <= GpioLineConfig.MaxEventBufferSize, nameof(EventBufferSize), EventBufferSize, $"must be 16 to {GpioLineConfig.MaxEventBufferSize} (the kernel's ceiling)"),
            (MinPulseMs >= 0, nameof(MinPulseMs), MinPulseMs, "must be 0 or more"),
            (MinGapMs >= 0, nameof(MinGapMs), MinGapMs, "must be 0 or more"),
            (RateWindowSeconds is > 0 and <= 3600, nameof(RateWindowSeconds), RateWindowSeconds, "must be over 0 and at most 3600 (one hour)"),
            (StuckActiveSeconds > 0, nameof(StuckActiveSeconds), StuckActiveSeconds, "must be over 0"),
            (SilentSeconds > 0, nameof(SilentSeconds), SilentSeconds, "must be over 0"),
        };
        return checks.Where(c => !c.Ok).Select(c => (c.Key, $"{c.Value} {c.Rule}"));
    }
}
