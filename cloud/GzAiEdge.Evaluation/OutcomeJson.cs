using System.Text.Json;
using GzAiEdge.Scenarios.Outcomes;
using GzAiEdge.Scenarios.Scoring;
using static GzAiEdge.Evaluation.EvaluationJsonParts;

namespace GzAiEdge.Evaluation;

/// <summary>A scenario's declared outcome in its evaluation JSON: the measure as shown and, with a baseline, the effect with its interval and points.</summary>
internal static class OutcomeJson
{
    /// <summary>How an outcome's interval is made, as reports state it (<see cref="BlockBootstrap"/>).</summary>
    public const string IntervalRule =
        "95% interval by the circular block bootstrap over days (each day the mean of its windows; block length ⌈days^(1/3)⌉; 2000 resamples, fixed seed)";

    public static void Write(Utf8JsonWriter w, OutcomeResult? outcome)
    {
        if (outcome is null)
        {
            w.WriteNull("outcome");
            return;
        }

        var d = outcome.Declaration;
        w.WriteStartObject("outcome");
        w.WriteString("measure", d.Measure);
        w.WriteString("better", d.Better == Scenarios.Types.Direction.Higher ? "higher" : "lower");
        w.WriteString("effectKind", d.Effect == EffectKind.Ratio ? "ratio" : "difference");
        w.WriteString("baseline", d.Baseline?.Describe());
        Number(w, "mean", R(outcome.Mean));
        w.WriteNumber("days", outcome.Days);
        w.WriteBoolean("scored", outcome.Scored);
        if (outcome.Estimate is { } e)
        {
            w.WriteNumber("baselineMean", R(e.BaselineMean));
            w.WriteNumber("baselineDays", e.BaselineDays);
            w.WriteNumber("effect", R(e.Effect));
            IntervalArray(w, "effectInterval", Rounded(e.EffectInterval));
            w.WriteNumber("improvement", R(e.Improvement));
            IntervalArray(w, "improvementInterval", Rounded(e.ImprovementInterval));
            w.WriteNumber("blockDays", e.BlockDays);
            w.WriteNumber("resamples", e.Resamples);
            w.WriteString("intervalRule", IntervalRule);
        }

        w.WriteNumber("threshold", d.Threshold);
        w.WriteNumber("target", d.Target);
        w.WriteString("reason", d.Reason);
        w.WriteNumber("achievement", R(outcome.Achievement));
        w.WriteNumber("weight", d.Weight);
        w.WriteNumber("points", R(outcome.Points));
        IntervalArray(w, "pointsInterval", Rounded(outcome.PointsInterval));
        w.WriteString("note", outcome.Note);
        w.WriteEndObject();
    }

    private static double R(double value) => ScenarioEvaluator.Round(value);

    private static double? R(double? value) => value is { } v ? R(v) : null;

    private static Interval Rounded(Interval i) => new(R(i.Low), R(i.High));
}
