using System.Diagnostics.Metrics;

namespace GzAiEdge.Audits.Runs;

/// <summary>How audits go (meter <see cref="MeterName"/>): how long a device took to answer, and how long scoring took.</summary>
public static class AuditMetrics
{
    public const string MeterName = "GzAiEdge.Audits";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> AnswerDelay =
        Meter.CreateHistogram<double>("gz.audit.answer.duration", "s", "From an audit's start to a device's scored answer");
    private static readonly Histogram<double> Scoring =
        Meter.CreateHistogram<double>("gz.audit.scoring.duration", "s", "Time to check and score one device's answer");

    internal static void Scored(TimeSpan sinceStart, TimeSpan scoring)
    {
        AnswerDelay.Record(sinceStart.TotalSeconds);
        Scoring.Record(scoring.TotalSeconds);
    }
}
