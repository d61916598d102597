using System.Globalization;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Scoring;

/// <summary>
/// The rubric maths: per-KPI achievement (<see cref="Achievement.Of"/>), the weighted score
/// Σ weight × achievement (weights sum to 100, so the score is 0–100), and the gates. A KPI no used
/// report carried scores 0 and keeps its weight, so a missing KPI costs its points.
/// </summary>
public static class ScoreCalculator
{
    /// <summary>Scores measured KPIs against a rubric and checks the gates.</summary>
    public static ScenarioScore Score(IReadOnlyList<KpiRubric> rubric, IReadOnlyDictionary<string, KpiMeasurement> measured, Gates gates, GateMeasurements gateValues)
    {
        var kpis = rubric.Select(r => ScoreKpi(r, measured.TryGetValue(r.Key, out var m) ? m : new KpiMeasurement(null, 0))).ToList();
        var score = Math.Round(kpis.Sum(k => k.Points), 2, MidpointRounding.AwayFromZero);
        return new ScenarioScore(score, kpis, CheckGates(gates, gateValues));
    }

    private static KpiScore ScoreKpi(KpiRubric rubric, KpiMeasurement measurement)
    {
        if (measurement.Value is not { } value)
        {
            return new KpiScore(rubric, null, 0, 0, 0, "missing: no used report carried this KPI, achievement 0");
        }

        var achievement = Achievement.Of(value, rubric);
        var better = rubric.Direction == Direction.Higher ? "above" : "below";
        var note = achievement switch
        {
            >= 1 => $"at or {better} the target",
            <= 0 => $"not {better} the threshold",
            _ => "between threshold and target",
        };
        if (rubric.Weight == 0)
        {
            note += "; weight 0 (shown, not scored)";
        }

        return new KpiScore(rubric, value, measurement.Reports, achievement, achievement * rubric.Weight, note);
    }

    private static List<GateResult> CheckGates(Gates gates, GateMeasurements values)
    {
        var results = new List<GateResult>();
        Add(results, "completeness", gates.MinCompleteness, values.Completeness, "no reports from the listed devices, so nothing to compare with the expected seq");
        Add(results, "uptime", gates.MinUptime, values.Uptime, "the period has no time buckets");
        Add(results, "verifiedShare", gates.MinVerifiedShare, values.VerifiedShare, "evidence not checked (no key registry to verify the reports against), so the share of verified reports is unknown");
        Add(results, "reports", gates.MinReports, values.Reports, "no reports");
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

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
