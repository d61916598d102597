using System.Globalization;
using GzAiEdge.Scenarios.Outcomes;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Scoring;

/// <summary>
/// The rubric maths: per-KPI achievement (<see cref="Achievement.Of"/>), the weighted score
/// Σ weight × achievement × coverage (weights sum to 100, so the score is 0–100), and the gates. A missing KPI
/// scores 0 and keeps its weight, so it costs its points; coverage below 1 (some listed devices have no audit) scales
/// the KPI's points down by the share of devices it stands for. A KPI that requires another (<see cref="KpiRubric.Requires"/>)
/// earns its points only while that other is past its threshold.
/// <para>
/// The score's interval is propagated from its parts by interval arithmetic: a KPI whose value carries a 95%
/// confidence interval (an audit metric) earns, anywhere in that interval, between the points of its two ends
/// (achievement is monotone in the value, so the ends bound it; the point estimate is kept inside); a KPI measured
/// from all the stored data has no interval. The score's interval is the sum of the parts' lower ends to the sum of
/// their upper ends: every combination of values within their intervals lands in it. That is wider than treating the
/// parts as independent, on purpose: metrics of one audit (AP, precision, recall) move together.
/// </para>
/// </summary>
public static class ScoreCalculator
{
    /// <summary>Scores measured KPIs against a rubric, adds a declared outcome's points, and checks the gates.</summary>
    /// <param name="rubric">The scenario's rubric.</param>
    /// <param name="measured">What was measured of each KPI.</param>
    /// <param name="gates">The type's gates.</param>
    /// <param name="gateValues">What the gates compare.</param>
    /// <param name="outcome">The scenario's outcome, when it declares one: its points (0 when not scored) join the sum, its interval the score's.</param>
    public static ScenarioScore Score(IReadOnlyList<KpiRubric> rubric, IReadOnlyDictionary<string, KpiMeasurement> measured, Gates gates, GateMeasurements gateValues,
        OutcomeResult? outcome = null)
    {
        var scored = rubric.Select(r => ScoreKpi(r, measured.TryGetValue(r.Key, out var m) ? m : new KpiMeasurement(null, 0))).ToList();
        var kpis = scored.Select(k => k.Rubric.Requires is { } required && k.Value is not null ? Requiring(k, scored.First(q => q.Rubric.Key == required)) : k).ToList();
        var score = Round(kpis.Sum(k => k.Points) + (outcome?.Points ?? 0));
        var interval = new Interval(Round(kpis.Sum(k => k.PointsInterval.Low) + (outcome?.PointsInterval.Low ?? 0)),
            Round(kpis.Sum(k => k.PointsInterval.High) + (outcome?.PointsInterval.High ?? 0)));
        return new ScenarioScore(score, interval, kpis, CheckGates(gates, gateValues)) { Outcome = outcome };
    }

    private static double Round(double points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);

    private static KpiScore ScoreKpi(KpiRubric rubric, KpiMeasurement measurement)
    {
        if (measurement.Value is not { } value)
        {
            var why = measurement.Source ?? "no used report carried this KPI";
            return new KpiScore(rubric, null, measurement.Reports, 0, 0, $"missing: {why}, achievement 0", null, Interval.At(0), measurement.Coverage, measurement.Provisional);
        }

        var achievement = Achievement.Of(value, rubric);
        var better = rubric.Direction switch { Direction.Higher => "above", Direction.Lower => "below", _ => "nearer zero than" };
        var note = achievement switch
        {
            >= 1 => $"at or {better} the target",
            <= 0 => $"not {better} the threshold",
            _ => "between threshold and target",
        };
        if (measurement.Source is { } source)
        {
            note += $"; {source}";
        }

        var scale = rubric.Weight * measurement.Coverage;
        if (measurement.Coverage < 1)
        {
            note += $"; points × {Format(measurement.Coverage)}, the share of listed devices it stands for";
        }

        if (rubric.Weight == 0)
        {
            note += "; weight 0 (shown, not scored)";
        }

        var points = achievement * scale;
        var range = measurement.Interval is { } i
            ? new Interval(Math.Min(achievement, Math.Min(Achievement.Of(i.Low, rubric), Achievement.Of(i.High, rubric))) * scale,
                Math.Max(achievement, Math.Max(Achievement.Of(i.Low, rubric), Achievement.Of(i.High, rubric))) * scale)
            : Interval.At(points);
        return new KpiScore(rubric, value, measurement.Reports, achievement, points, note, measurement.Interval, range, measurement.Coverage, measurement.Provisional);
    }

    // A KPI that requires another earns its points only while the other is past its threshold; its interval follows the
    // other's: nothing when even the other's best end fails, from nothing when only its worst end does.
    private static KpiScore Requiring(KpiScore k, KpiScore required)
    {
        var (low, high) = required.ValueInterval is { } i
            ? (Math.Min(Achievement.Of(i.Low, required.Rubric), Achievement.Of(i.High, required.Rubric)), Math.Max(Achievement.Of(i.Low, required.Rubric), Achievement.Of(i.High, required.Rubric)))
            : (required.Achievement, required.Achievement);
        var interval = new Interval(low <= 0 ? 0 : k.PointsInterval.Low, high <= 0 ? 0 : k.PointsInterval.High);
        return required.Achievement > 0
            ? k with { PointsInterval = interval }
            : k with
            {
                Points = 0,
                PointsInterval = interval,
                Note = $"{k.Note}; counts only when {required.Rubric.Key} is past its threshold, and it is not",
            };
    }

    private static List<GateResult> CheckGates(Gates gates, GateMeasurements values)
    {
        var results = new List<GateResult>();
        Add(results, "completeness", gates.MinCompleteness, values.Completeness, "no reports from the listed devices, so nothing to compare with the expected seq");
        Add(results, "uptime", gates.MinUptime, values.Uptime, "the period has no time buckets");
        Add(results, "verifiedShare", gates.MinVerifiedShare, values.VerifiedShare, "evidence not checked (no key registry to verify the reports against), so the share of verified reports is unknown");
        Add(results, "reports", gates.MinReports, values.Reports, "no reports");
        foreach (var flag in gates.AuditFlags ?? [])
        {
            var gate = AuditFlagGate(flag);
            results.Add(values.AuditFlags?.FirstOrDefault(g => g.Gate == gate)
                ?? new GateResult(gate, 1, null, GateStatus.NotEvaluated, "no audit in the period shows this flag"));
        }

        return results;
    }

    private static void Add(List<GateResult> results, string gate, double? minimum, double? measured, string whyUnknown)
    {
        if (minimum is not { } min)
        {
            return;
        }

        var result = measured switch
        {
            null => new GateResult(gate, min, null, GateStatus.NotEvaluated, whyUnknown),
            { } m when m >= min => new GateResult(gate, min, m, GateStatus.Passed, $"{Format(m)} ≥ {Format(min)}"),
            { } m => new GateResult(gate, min, m, GateStatus.Failed, $"{Format(m)} < {Format(min)}"),
        };
        results.Add(result);
    }

    /// <summary>The gate an audit flag makes: <c>audit:{flag}</c>.</summary>
    public static string AuditFlagGate(string flag) => $"audit:{flag}";

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
