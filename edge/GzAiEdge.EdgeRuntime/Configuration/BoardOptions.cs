namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// The board a device runs on, as its profile describes it (config section <c>Board</c>, from
/// <c>firmware-configs/profiles/*.yaml</c>). Empty when the device config names no profile.
/// </summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record BoardOptions
{
    public const string Section = "Board";

    /// <summary>The architectures a profile may name, each with the .NET runtime identifier of its publish.</summary>
    public static readonly IReadOnlyDictionary<string, string> Architectures = new Dictionary<string, string>
    {
        ["x64"] = "linux-x64",
        ["arm64"] = "linux-arm64",
    };

    /// <summary>The profile's name; the same as its file name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The board and SoC, for people.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>A key of <see cref="Architectures"/>.</summary>
    public string Arch { get; set; } = string.Empty;

    /// <summary>The .NET runtime identifier of the worker publish this board runs (<c>./gz publish</c>).</summary>
    public string RuntimeIdentifier { get; set; } = string.Empty;

    /// <summary>How this board captures camera frames.</summary>
    public CameraProfile Camera { get; set; } = new();

    /// <summary>The I2C buses (<c>/dev/i2c-N</c>) on the board's 40-pin header.</summary>
    public List<int> I2cBuses { get; set; } = [];

    /// <summary>The GPIO chips whose lines reach the header.</summary>
    public List<GpioChipProfile> GpioChips { get; set; } = [];
}

/// <summary>The board's camera capture: a command that writes raw frames to its standard output.</summary>
public sealed record CameraProfile
{
    /// <summary>The capture stacks a board can have.</summary>
    public static readonly IReadOnlyList<string> Stacks = ["gstreamer", "libcamera", "v4l2"];

    /// <summary>One of <see cref="Stacks"/>.</summary>
    public string Stack { get; set; } = string.Empty;

    /// <summary>The capture command line; it writes raw frames of <see cref="PixelFormat"/> to standard output.</summary>
    public string Command { get; set; } = string.Empty;

    /// <summary>The frame format the command writes, as ffmpeg names it (<c>rgb24</c>, <c>yuv420p</c>).</summary>
    public string PixelFormat { get; set; } = string.Empty;

    public int Width { get; set; }

    public int Height { get; set; }

    public int FramesPerSecond { get; set; }

    /// <summary>A V4L2 node for a USB (UVC) camera, when the board has one.</summary>
    public string? Device { get; set; }
}

/// <summary>A GPIO chip as <c>gpiodetect</c> lists it.</summary>
public sealed record GpioChipProfile
{
    /// <summary>The chip's label: stable across kernels, unlike its number.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>The character device it usually is (<c>/dev/gpiochipN</c>).</summary>
    public string Device { get; set; } = string.Empty;

    /// <summary>How many lines the chip has.</summary>
    public int Lines { get; set; }
}
