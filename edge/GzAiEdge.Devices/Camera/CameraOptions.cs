using System.Globalization;
using GzAiEdge.Devices.Sources;

namespace GzAiEdge.Devices.Camera;

/// <summary>
/// What a <see cref="CameraFrameSource"/> opens and how it recovers. Bound from configuration (settable
/// properties); <see cref="Check"/> lists what is wrong, by property name, for the host to name file and line.
/// </summary>
public sealed class CameraOptions
{
    /// <summary>The known inputs: what <see cref="Input"/> (or <see cref="Pipeline"/>) means.</summary>
    public static readonly IReadOnlyList<string> Formats = ["rtsp", "v4l2", "file", "lavfi", "gstreamer"];

    /// <summary>
    /// <c>rtsp</c> (an <c>rtsp://</c> URL, over TCP), <c>v4l2</c> (<c>/dev/videoN</c>), <c>file</c> (a video file or any
    /// URL ffmpeg reads, played at its own rate), <c>lavfi</c> (an ffmpeg filter graph such as <c>testsrc2=size=640x480:rate=10</c>)
    /// or <c>gstreamer</c> (<see cref="Pipeline"/> through <c>gst-launch-1.0</c>).
    /// </summary>
    public string Format { get; set; } = string.Empty;

    /// <summary>The URL, device, file or filter graph for the ffmpeg formats.</summary>
    public string Input { get; set; } = string.Empty;

    /// <summary>
    /// GStreamer: the source part of the pipeline (the device profile's, e.g. <c>nvarguscamerasrc ! nvvidconv</c> on
    /// Jetson); conversion to RGB at the configured size and rate and the sink to the pipe are appended.
    /// </summary>
    public string Pipeline { get; set; } = string.Empty;

    /// <summary>Frame width in pixels; the child scales to it.</summary>
    public int Width { get; set; }

    /// <summary>Frame height in pixels; the child scales to it.</summary>
    public int Height { get; set; }

    /// <summary>Frames per second delivered; the child drops or repeats frames to keep it.</summary>
    public double Fps { get; set; } = 5;

    /// <summary>Seconds without a frame, once streaming, after which the child is killed and restarted.</summary>
    public double StallSeconds { get; set; } = 10;

    /// <summary>
    /// Seconds from starting the child to its first frame after which it is killed and restarted: starting ffmpeg and
    /// opening a stream (RTSP handshake, probing) take longer than the gap between two frames.
    /// </summary>
    public double ConnectSeconds { get; set; } = 20;

    /// <summary><c>file</c> only: play the file again from the start at its end, instead of ending.</summary>
    public bool Loop { get; set; }

    /// <summary>Frames held for a pipeline that is behind; when full, the oldest is dropped (and counted).</summary>
    public int QueueFrames { get; set; } = 4;

    /// <summary>First wait before a restart; doubled after each restart that delivered no frame.</summary>
    public double BackoffSeconds { get; set; } = 1;

    /// <summary>Longest wait before a restart.</summary>
    public double MaxBackoffSeconds { get; set; } = 30;

    /// <summary>The program to run instead of <c>ffmpeg</c> (or <c>gst-launch-1.0</c>) from <c>PATH</c>.</summary>
    public string? Executable { get; set; }

    /// <summary>Whether the input is a recording that can end (a file or a filter graph), not a live stream.</summary>
    public bool IsRecording => Format is "file" or "lavfi";

    /// <summary>The input for logs and status: the GStreamer pipeline, or the input with any URL password redacted.</summary>
    public string Display => Format == "gstreamer" ? Pipeline : CameraCommand.Redact(Input);

    /// <summary>What is wrong, as (property name, problem); empty when the options can open a camera.</summary>
    public IEnumerable<(string Key, string Problem)> Check()
    {
        if (!Formats.Contains(Format))
        {
            yield return (nameof(Format), $"'{Format}' is not one of {string.Join(", ", Formats)}");
        }
        else if (Format == "gstreamer")
        {
            if (string.IsNullOrWhiteSpace(Pipeline))
            {
                yield return (nameof(Pipeline), "must give the GStreamer source pipeline (e.g. 'nvarguscamerasrc ! nvvidconv'; the device profile has it)");
            }
            else if (Pipeline.Contains("fdsink", StringComparison.Ordinal))
            {
                yield return (nameof(Pipeline), "must end at the source's conversion: the RGB caps and 'fdsink fd=1' are appended");
            }
        }
        else if (Problem(Format, Input) is { } problem)
        {
            yield return (nameof(Input), problem);
        }

        foreach (var problem in Sizes())
        {
            yield return problem;
        }

        if (Loop && Format != "file")
        {
            yield return (nameof(Loop), $"only a file can loop; format '{Format}' cannot");
        }
    }

    private IEnumerable<(string Key, string Problem)> Sizes()
    {
        if (Width is < 16 or > 7680)
        {
            yield return (nameof(Width), $"{Width} is outside 16..7680 pixels");
        }
        else if (Format == "gstreamer" && Width % 4 != 0)
        {
            // GStreamer pads each packed-RGB row to a multiple of 4 bytes; other widths would not be W*H*3 frames.
            yield return (nameof(Width), $"{Width} is not a multiple of 4; GStreamer pads RGB rows to 4 bytes");
        }

        if (Height is < 16 or > 4320)
        {
            yield return (nameof(Height), $"{Height} is outside 16..4320 pixels");
        }

        if (Fps is <= 0 or > 240 || !double.IsFinite(Fps))
        {
            yield return (nameof(Fps), $"{Fps.ToString(CultureInfo.InvariantCulture)} is outside 0 < fps <= 240");
        }

        if (!(StallSeconds is >= 0.5 and <= 3600))
        {
            yield return (nameof(StallSeconds), $"{StallSeconds.ToString(CultureInfo.InvariantCulture)} is outside 0.5..3600 seconds");
        }

        if (!(ConnectSeconds is >= 0.5 and <= 3600))
        {
            yield return (nameof(ConnectSeconds), $"{ConnectSeconds.ToString(CultureInfo.InvariantCulture)} is outside 0.5..3600 seconds");
        }

        if (QueueFrames is < 1 or > 1000)
        {
            yield return (nameof(QueueFrames), $"{QueueFrames} is outside 1..1000 frames");
        }

        foreach (var problem in SourceRecovery.Check(BackoffSeconds, MaxBackoffSeconds))
        {
            yield return problem;
        }
    }

    private static string? Problem(string format, string input) => format switch
    {
        _ when string.IsNullOrWhiteSpace(input) => $"must name the {format} input",
        "rtsp" when !input.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) && !input.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase)
            => $"'{CameraCommand.Redact(input)}' is not an rtsp:// URL",
        "v4l2" when !input.StartsWith("/dev/", StringComparison.Ordinal) => $"'{input}' is not a V4L2 device (/dev/videoN)",
        _ => null,
    };
}
