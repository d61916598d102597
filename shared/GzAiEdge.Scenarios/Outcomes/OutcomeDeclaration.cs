using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Outcomes;

/// <summary>
/// A scenario's declared outcome (EVALUATION.md, "Outcomes"): a monitoring KPI whose change is the point of the
/// demonstration (mean queue length for signal timing, unplanned stop hours for predictive maintenance), which way is
/// better, and what it is compared with. The effect is scored against <see cref="Threshold"/> and <see cref="Target"/>
/// as an improvement: positive when the measure moved the better way.
/// </summary>
/// <param name="Measure">The monitoring KPI key (the KPI catalogue's), emitted by the scenario type's pipeline.</param>
/// <param name="Better">Which way the measure is better.</param>
/// <param name="Effect">Difference (in the measure's unit) or ratio (relative change).</param>
/// <param name="Baseline">What the demonstration is compared with; null when none is declared (then shown, not scored).</param>
/// <param name="Threshold">Improvement that earns nothing (0: no better than the baseline).</param>
/// <param name="Target">Improvement that earns full points (0.2: 20 % better, for a ratio).</param>
/// <param name="Weight">Points of the 0–100 score; the scenario's KPI weights and this sum to 100.</param>
/// <param name="Reason">Why the threshold and target are where they are, in one line.</param>
/// <param name="Line">Line of the declaration in the catalogue, for errors.</param>
public sealed record OutcomeDeclaration(
    string Measure,
    Direction Better,
    EffectKind Effect,
    OutcomeBaseline? Baseline,
    double Threshold,
    double Target,
    double Weight,
    string? Reason,
    long Line);

/// <summary>How an outcome's change is expressed.</summary>
public enum EffectKind
{
    /// <summary>Demonstration mean − baseline mean, in the measure's unit.</summary>
    Difference,

    /// <summary>Demonstration mean / baseline mean − 1: the relative change (−0.2 is 20 % lower).</summary>
    Ratio,
}

/// <summary>
/// What an outcome is compared with: the scenario's own devices over a period before the AI was switched on, or a
/// control scenario of the catalogue (its listed devices, over the same period, without the AI).
/// </summary>
/// <param name="Before">The period before the AI was switched on; null for a control.</param>
/// <param name="Control">The control scenario's id; null for a period before.</param>
public sealed record OutcomeBaseline(DemonstrationPeriod? Before, string? Control)
{
    /// <summary>The baseline in words, for explanations.</summary>
    public string Describe() => Before is { } p
        ? $"the same devices before the AI was switched on, {p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}"
        : $"control scenario '{Control}' over the same period";
}
