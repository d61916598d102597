using System.Diagnostics.Metrics;

namespace GzAiEdge.Evaluation;

/// <summary>
/// How long evaluations take (meter <see cref="MeterName"/>). A static meter: an evaluation is run by the cloud and by
/// <c>gz evaluate</c> alike, and a histogram nobody listens to costs nothing.
/// </summary>
public static class EvaluationMetrics
{
    public const string MeterName = "GzAiEdge.Evaluation";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("gz.evaluation.duration", "s", "Time to evaluate one scenario or the whole programme, by scope");

    /// <summary>Records one evaluation; <paramref name="scope"/> is <c>scenario</c> or <c>programme</c>.</summary>
    public static void Evaluated(string scope, TimeSpan elapsed) =>
        Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("scope", scope));
}
