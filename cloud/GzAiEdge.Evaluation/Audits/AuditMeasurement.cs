using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Evaluation.Audits;

/// <summary>
/// An accuracy KPI of a scenario from its devices' audits. The value is the mean of the listed devices' audited
/// metrics, its interval the mean of their interval ends (exact when, as usual, the devices run the same model on the
/// same set and so move together; wider than independence would give otherwise), and its coverage the share of listed
/// devices that have one. A device without an audit counts 0 through the coverage and keeps the result provisional:
/// the evaluator has not yet run what would score it.
/// </summary>
internal static class AuditMeasurement
{
    public static KpiMeasurement For(string key, IReadOnlyList<(string Site, string Device)> listed, IReadOnlyList<DeviceAudit> audits)
    {
        var used = new List<(DeviceAudit Audit, AuditMetric Metric)>();
        var without = new List<string>();
        foreach (var device in listed)
        {
            var audit = audits.FirstOrDefault(a => a.Site == device.Site && a.Device == device.Device);
            if (audit?.Metrics.TryGetValue(key, out var metric) == true)
            {
                used.Add((audit, metric));
            }
            else
            {
                without.Add(audit is null ? $"{device.Site}/{device.Device}" : $"{device.Site}/{device.Device} (audit {audit.AuditId} has no {key})");
            }
        }

        var missing = without.Count == 0 ? null : $"no valid audit in the period of {string.Join(", ", without)}";
        if (used.Count == 0)
        {
            return new KpiMeasurement(null, 0, Coverage: 0, Source: missing, Provisional: missing);
        }

        var value = ScenarioEvaluator.Round(used.Average(u => u.Metric.Value));
        var interval = new Interval(ScenarioEvaluator.Round(used.Average(u => u.Metric.Low)), ScenarioEvaluator.Round(used.Average(u => u.Metric.High)));
        var from = $"from audit {string.Join(", ", used.Select(u => $"{u.Audit.AuditId} ({u.Audit.Site}/{u.Audit.Device})"))}";
        return new KpiMeasurement(value, 0, interval, ScenarioEvaluator.Round((double)used.Count / listed.Count),
            missing is null ? from : $"{from}; {missing}", missing);
    }
}
