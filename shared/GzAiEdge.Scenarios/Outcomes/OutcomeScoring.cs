using System.Globalization;
using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Outcomes;

/// <summary>
/// Estimates a declared outcome's effect from daily means and scores it (EVALUATION.md, "Outcomes"). The effect compares
/// the mean of the demonstration's days with the mean of the baseline's days; its interval is the block bootstrap's
/// (<see cref="BlockBootstrap"/>). The improvement is placed between threshold and target like any KPI (0 at the
/// threshold, 1 at the target, clamped), and the points' interval follows the improvement's. Without a baseline the
/// outcome is shown, not scored; with one but too little data on either side it earns nothing, and says why.
/// </summary>
public static class OutcomeScoring
{
    /// <summary>Days each side needs for an interval: one day has no spread to resample.</summary>
    public const int MinimumDays = 2;

    /// <param name="declaration">The scenario's outcome.</param>
    /// <param name="days">The demonstration's daily means, in day order.</param>
    /// <param name="baselineDays">The baseline's daily means, in day order; ignored when no baseline is declared.</param>
    public static OutcomeResult Evaluate(OutcomeDeclaration declaration, IReadOnlyList<double> days, IReadOnlyList<double> baselineDays)
    {
        double? mean = days.Count == 0 ? null : days.Average();
        if (declaration.Baseline is not { } baseline)
        {
            return new(declaration, mean, days.Count, null, false, 0, 0, Interval.At(0),
                "no baseline declared (a period before the AI or a control scenario): the outcome is shown, not scored");
        }

        string? missing = days.Count < MinimumDays ? $"the demonstration has {days.Count} day(s) with '{declaration.Measure}', at least {MinimumDays} needed"
            : baselineDays.Count < MinimumDays ? $"the baseline ({baseline.Describe()}) has {baselineDays.Count} day(s) with '{declaration.Measure}', at least {MinimumDays} needed"
            : declaration.Effect == EffectKind.Ratio && baselineDays.Average() == 0 ? "the baseline mean is 0, so a ratio is undefined"
            : null;
        if (missing is not null)
        {
            return new(declaration, mean, days.Count, null, true, 0, 0, Interval.At(0), $"missing: {missing}, achievement 0");
        }

        double Effect(double demonstration, double reference) => declaration.Effect == EffectKind.Ratio ? (demonstration / reference) - 1 : demonstration - reference;
        var sign = declaration.Better == Direction.Higher ? 1 : -1;
        var effect = Effect(mean!.Value, baselineDays.Average());
        var (low, high) = BlockBootstrap.Interval(days, baselineDays, Effect) ?? (effect, effect);
        var improvement = sign * effect;
        var improvementInterval = sign > 0 ? new Interval(low, high) : new Interval(-high, -low);
        var estimate = new OutcomeEstimate(baselineDays.Average(), baselineDays.Count, effect, new Interval(low, high), improvement, improvementInterval,
            BlockBootstrap.BlockLength(days.Count), BlockBootstrap.Resamples);

        var achievement = Achieve(improvement, declaration);
        var points = achievement * declaration.Weight;
        var range = new Interval(Math.Min(achievement, Achieve(improvementInterval.Low, declaration)) * declaration.Weight,
            Math.Max(achievement, Achieve(improvementInterval.High, declaration)) * declaration.Weight);
        var note = $"improvement {Format(improvement)} [{Format(improvementInterval.Low)}, {Format(improvementInterval.High)}] against {baseline.Describe()}; "
            + (improvementInterval.Low > 0 ? "the interval excludes no change"
                : improvementInterval.High < 0 ? "the interval shows a change for the worse"
                : "the interval includes no change");
        return new(declaration, mean, days.Count, estimate, true, achievement, points, range, note);
    }

    private static double Achieve(double improvement, OutcomeDeclaration d) => Math.Clamp((improvement - d.Threshold) / (d.Target - d.Threshold), 0, 1);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
