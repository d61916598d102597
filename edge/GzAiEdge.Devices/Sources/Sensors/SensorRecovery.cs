namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>
/// How a sensor source waits before it opens its device again after an error: <paramref name="BackoffSeconds"/>
/// first, doubled after each attempt that delivered nothing, up to <paramref name="MaxBackoffSeconds"/>; afresh
/// after a run that delivered samples (the camera's rule, so that one glitch does not cost a long wait).
/// </summary>
public sealed record SensorRecovery(double BackoffSeconds = 1, double MaxBackoffSeconds = 30)
{
    internal TimeSpan First => TimeSpan.FromSeconds(BackoffSeconds);

    internal TimeSpan After(TimeSpan previous) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, Math.Max(BackoffSeconds, previous.TotalSeconds * 2)));
}
