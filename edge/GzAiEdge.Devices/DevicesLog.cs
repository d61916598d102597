using Microsoft.Extensions.Logging;

namespace GzAiEdge.Devices;

/// <summary>The device layer's log messages (event ids 4000–4099; cameras 4000–4019, sensor sources 4020–4039).</summary>
internal static partial class DevicesLog
{
    [LoggerMessage(4000, LogLevel.Information, "Camera {Input}: started {Program} (pid {Pid})")]
    public static partial void CameraStarted(ILogger logger, string input, string program, int pid);

    [LoggerMessage(4001, LogLevel.Information, "Camera {Input}: streaming {Width}x{Height} at {Fps} fps")]
    public static partial void CameraStreaming(ILogger logger, string input, int width, int height, double fps);

    [LoggerMessage(4002, LogLevel.Warning, "Camera {Input}: {Reason}; restarting in {Delay}")]
    public static partial void CameraRestarting(ILogger logger, string input, string reason, TimeSpan delay);

    [LoggerMessage(4003, LogLevel.Warning, "Camera {Input}: {Reason}; killing pid {Pid}")]
    public static partial void CameraStalled(ILogger logger, string input, string reason, int pid);

    [LoggerMessage(4004, LogLevel.Error, "Camera {Input}: {Reason}")]
    public static partial void CameraFailed(ILogger logger, string input, string reason);

    [LoggerMessage(4005, LogLevel.Information, "Camera {Input}: the input ended after {Frames} frames")]
    public static partial void CameraEnded(ILogger logger, string input, long frames);

    [LoggerMessage(4020, LogLevel.Information, "Sensor {Device}: streaming {Channels} at {SampleHz} Hz")]
    public static partial void SensorStreaming(ILogger logger, string device, string channels, double sampleHz);

    [LoggerMessage(4021, LogLevel.Warning, "Sensor {Device}: {Reason}; opening it again in {Delay}")]
    public static partial void SensorFailed(ILogger logger, string device, string reason, TimeSpan delay);
}
