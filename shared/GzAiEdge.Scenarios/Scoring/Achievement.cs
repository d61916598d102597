using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Scoring;

/// <summary>How far a KPI value got from its threshold (0) to its target (1), linear and clamped.</summary>
public static class Achievement
{
    /// <summary>
    /// 0 at or beyond the threshold on the worse side, 1 at or beyond the target, linear between;
    /// for <see cref="Direction.Lower"/> "beyond" means smaller, for <see cref="Direction.Zero"/> a smaller magnitude. The loader guarantees target ≠ threshold.
    /// </summary>
    public static double Of(double value, KpiRubric rubric)
    {
        // A bias is as bad above 0 as below it: its magnitude is scored, lower being better.
        value = rubric.Direction == Direction.Zero ? Math.Abs(value) : value;
        var progress = (value - rubric.Threshold) / (rubric.Target - rubric.Threshold);

        // (value − threshold) / (target − threshold) already points the right way for both
        // directions: for lower-is-better both differences are negative when value improves.
        return Math.Clamp(progress, 0, 1);
    }
}
