using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Scenarios.Outcomes;

/// <summary>A declared outcome over a period: the measure as shown, and, when it has a baseline, the effect and its points.</summary>
/// <param name="Declaration">What the catalogue declares.</param>
/// <param name="Mean">The measure's mean over the demonstration's days (each day the mean of its windows); null without data.</param>
/// <param name="Days">Days of the demonstration with data.</param>
/// <param name="Estimate">The comparison with the baseline; null when there is none or it could not be made (see <paramref name="Note"/>).</param>
/// <param name="Scored">False when no baseline is declared: then the outcome is shown, and its weight (0) earns nothing.</param>
/// <param name="Achievement">0–1, from the improvement between threshold and target; 0 when not estimated.</param>
/// <param name="Points">Achievement × weight.</param>
/// <param name="PointsInterval">The points anywhere in the improvement's interval.</param>
/// <param name="Note">Why the points are what they are, in words.</param>
public sealed record OutcomeResult(
    OutcomeDeclaration Declaration,
    double? Mean,
    int Days,
    OutcomeEstimate? Estimate,
    bool Scored,
    double Achievement,
    double Points,
    Interval PointsInterval,
    string Note);

/// <summary>The effect of the demonstration on its outcome measure, against the baseline, with its 95% interval.</summary>
/// <param name="BaselineMean">The measure's mean over the baseline's days.</param>
/// <param name="BaselineDays">Days of the baseline with data.</param>
/// <param name="Effect">Difference (demonstration − baseline) or ratio (demonstration / baseline − 1).</param>
/// <param name="EffectInterval">Its 95% interval, by the block bootstrap over days.</param>
/// <param name="Improvement">The effect turned so that positive is better (the effect itself when higher is better, its negation otherwise).</param>
/// <param name="ImprovementInterval">Its 95% interval.</param>
/// <param name="BlockDays">Block length of the bootstrap over the demonstration's days (the baseline's follows its own length).</param>
/// <param name="Resamples">Bootstrap resamples.</param>
public sealed record OutcomeEstimate(
    double BaselineMean,
    int BaselineDays,
    double Effect,
    Interval EffectInterval,
    double Improvement,
    Interval ImprovementInterval,
    int BlockDays,
    int Resamples);
