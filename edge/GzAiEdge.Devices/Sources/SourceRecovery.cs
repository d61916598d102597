using System.Globalization;

namespace GzAiEdge.Devices.Sources;

/// <summary>
/// How a source waits before it opens its device (or restarts its camera process) again after an error:
/// <paramref name="BackoffSeconds"/> first, doubled after each attempt that delivered nothing, up to
/// <paramref name="MaxBackoffSeconds"/>; afresh after a run that delivered, so that one glitch does not cost a long wait.
/// </summary>
public sealed record SourceRecovery(double BackoffSeconds = 1, double MaxBackoffSeconds = 30)
{
    /// <summary>What is wrong with a backoff pair, as (property name, problem); the same rule for every source's options.</summary>
    internal static IEnumerable<(string Key, string Problem)> Check(double backoffSeconds, double maxBackoffSeconds)
    {
        if (!(backoffSeconds is >= 0.05 and <= 3600))
        {
            yield return (nameof(BackoffSeconds), $"{backoffSeconds.ToString(CultureInfo.InvariantCulture)} is outside 0.05..3600 seconds");
        }

        if (!(maxBackoffSeconds >= backoffSeconds && maxBackoffSeconds <= 3600))
        {
            yield return (nameof(MaxBackoffSeconds), $"{maxBackoffSeconds.ToString(CultureInfo.InvariantCulture)} must lie between BackoffSeconds and 3600 seconds");
        }
    }

    internal TimeSpan First => TimeSpan.FromSeconds(BackoffSeconds);

    internal TimeSpan After(TimeSpan previous) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, Math.Max(BackoffSeconds, previous.TotalSeconds * 2)));
}
