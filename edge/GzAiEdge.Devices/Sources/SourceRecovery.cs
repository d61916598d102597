namespace GzAiEdge.Devices.Sources;

/// <summary>
/// How a source waits before it opens its device (or restarts its camera process) again after an error:
/// <paramref name="BackoffSeconds"/> first, doubled after each attempt that delivered nothing, up to
/// <paramref name="MaxBackoffSeconds"/>; afresh after a run that delivered, so that one glitch does not cost a long wait.
/// </summary>
public sealed record SourceRecovery(double BackoffSeconds = 1, double MaxBackoffSeconds = 30)
{
    internal TimeSpan First => TimeSpan.FromSeconds(BackoffSeconds);

    internal TimeSpan After(TimeSpan previous) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, Math.Max(BackoffSeconds, previous.TotalSeconds * 2)));
}
