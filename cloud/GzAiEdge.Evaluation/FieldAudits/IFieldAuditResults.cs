using GzAiEdge.Evaluation.Audits;

namespace GzAiEdge.Evaluation.FieldAudits;

/// <summary>
/// Where evaluation gets a scenario's field accuracy from (EVALUATION.md, "Field audits and later truth"): the items
/// sampled from the listed devices' windows that closed in the period, scored against evaluators' labels, each metric
/// with its 95% interval and the items it covers. A KPI with no labelled item is absent (missing, and the result
/// provisional).
/// </summary>
public interface IFieldAuditResults
{
    /// <summary>The field metrics of <paramref name="scenario"/> by KPI key, over windows that ended in [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="devices"/>.</summary>
    Task<FieldAuditResult> MeasureAsync(
        string scenario, IReadOnlyList<(string Site, string Device)> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>
/// A scenario's field metrics (<see cref="AuditMetric.Items"/>: the items each covers), how many items were sampled,
/// labelled and counted against the devices (evicted, refused, unanswered), and unlabelled ones still waiting.
/// </summary>
public sealed record FieldAuditResult(IReadOnlyDictionary<string, AuditMetric> Metrics, int Sampled, int Labelled, int CountedAgainst, int Waiting)
{
    /// <summary>Nothing sampled.</summary>
    public static FieldAuditResult None { get; } = new(new Dictionary<string, AuditMetric>(), 0, 0, 0, 0);
}

/// <summary>No field-audit store wired: every field KPI is missing.</summary>
public sealed class NoFieldAuditResults : IFieldAuditResults
{
    public Task<FieldAuditResult> MeasureAsync(
        string scenario, IReadOnlyList<(string Site, string Device)> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(FieldAuditResult.None);
}

/// <summary>
/// A field accuracy KPI of a scenario: the metric over all its devices' labelled samples, with its interval. Without a
/// labelled item the KPI is missing and the result provisional, as for a device without an audit; sampled items still
/// waiting for a label keep it provisional too, since their labels may move it.
/// </summary>
internal static class FieldMeasurement
{
    public static Scenarios.Scoring.KpiMeasurement For(string key, FieldAuditResult result)
    {
        if (!result.Metrics.TryGetValue(key, out var metric))
        {
            var why = result.Sampled == 0 ? "no field-audit sample of the period" : $"none of the {result.Sampled} field-audit samples of the period is labelled";
            return new(null, 0, Coverage: 0, Source: why, Provisional: why);
        }

        var waiting = result.Waiting > 0 ? $"{result.Waiting} sampled items not yet labelled" : null;
        var source = $"field audit: {metric.Items} labelled items of {result.Sampled} sampled, {result.CountedAgainst} the devices could not produce (counted as wrong)";
        return new(ScenarioEvaluator.Round(metric.Value), 0, new(ScenarioEvaluator.Round(metric.Low), ScenarioEvaluator.Round(metric.High)), 1,
            waiting is null ? source : $"{source}; {waiting}", waiting);
    }
}
