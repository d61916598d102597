using System.Text.Json;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Scoring;
using GzAiEdge.Scenarios.Types;
using static GzAiEdge.Evaluation.EvaluationJsonParts;

namespace GzAiEdge.Evaluation;

/// <summary>The parts of a scenario's JSON that explain its score: the requirement, gates, KPIs, audits and devices.</summary>
internal static class ScenarioJsonParts
{
    /// <summary>How a score's interval is made, as reports state it (<see cref="ScoreCalculator"/>).</summary>
    public const string IntervalRule =
        "an audit metric's 95% confidence interval goes through the KPI's linear achievement, weight and coverage; the score's interval sums the parts' lower ends and upper ends (KPIs measured from all stored data add none)";

    public static void Requirement(Utf8JsonWriter w, OperatingRequirement? requirement)
    {
        if (requirement is null)
        {
            w.WriteNull("requirement");
            return;
        }

        w.WriteStartObject("requirement");
        w.WriteString("text", requirement.Text);
        w.WriteNumber("inputsPerSecond", requirement.InputsPerSecond);
        w.WriteNumber("inferenceP95Ms", requirement.InferenceP95Ms);
        w.WriteString("reason", requirement.Reason);
        w.WriteEndObject();
    }

    public static void Gates(Utf8JsonWriter w, IReadOnlyList<GateResult> gates)
    {
        w.WriteStartArray("gates");
        foreach (var g in gates)
        {
            w.WriteStartObject();
            w.WriteString("gate", g.Gate);
            w.WriteNumber("minimum", g.Minimum);
            Number(w, "measured", g.Measured);
            w.WriteString("status", EvaluationJson.Status(g.Status));
            w.WriteString("note", g.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Kpis(Utf8JsonWriter w, IReadOnlyList<KpiScore> kpis)
    {
        w.WriteStartArray("kpis");
        foreach (var k in kpis)
        {
            var r = k.Rubric;
            w.WriteStartObject();
            w.WriteString("key", r.Key);
            w.WriteString("kind", r.Definition?.Kind.Text());
            w.WriteString("truth", r.Definition?.Truth?.Text());
            w.WriteString("labelZh", r.LabelZh);
            w.WriteString("labelEn", r.LabelEn);
            w.WriteString("unit", r.Unit);
            w.WriteString("aggregation", r.Aggregation?.ToString().ToLowerInvariant());
            w.WriteString("direction", r.Direction.ToString().ToLowerInvariant());
            Number(w, "value", k.Value);
            IntervalArray(w, "valueInterval", k.ValueInterval);
            w.WriteNumber("threshold", r.Threshold);
            w.WriteNumber("target", r.Target);
            w.WriteNumber("achievement", ScenarioEvaluator.Round(k.Achievement));
            w.WriteNumber("weight", r.Weight);
            w.WriteNumber("coverage", k.Coverage);
            w.WriteNumber("points", ScenarioEvaluator.Round(k.Points));
            IntervalArray(w, "pointsInterval", k.PointsInterval);
            w.WriteNumber("reports", k.Reports);
            w.WriteString("note", k.Note);
            w.WriteStartObject("reasons");
            w.WriteString("threshold", r.Reasons?.Threshold);
            w.WriteString("target", r.Reasons?.Target);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Audits(Utf8JsonWriter w, IReadOnlyList<ListedAudit> audits)
    {
        w.WriteStartArray("audits");
        foreach (var (site, device, audit) in audits)
        {
            w.WriteStartObject();
            w.WriteString("site", site);
            w.WriteString("device", device);
            if (audit is null)
            {
                w.WriteNull("audit");
                w.WriteEndObject();
                continue;
            }

            w.WriteStartObject("audit");
            w.WriteString("id", audit.AuditId);
            w.WriteString("pipeline", audit.Pipeline);
            w.WriteStartObject("testSet");
            w.WriteString("name", audit.TestSet.Name);
            w.WriteString("version", audit.TestSet.Version);
            w.WriteString("sha256", audit.TestSet.Sha256);
            w.WriteEndObject();
            Time(w, "started", audit.Started);
            Time(w, "answered", audit.Answered);
            w.WriteStartObject("model");
            w.WriteString("name", audit.Model.Name);
            w.WriteString("version", audit.Model.Version);
            w.WriteString("sha256", audit.Model.Sha256);
            w.WriteEndObject();
            w.WriteStartObject("metrics");
            foreach (var (key, metric) in audit.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(key);
                w.WriteNumber("value", ScenarioEvaluator.Round(metric.Value));
                IntervalArray(w, "interval", new Interval(metric.Low, metric.High));
                w.WriteNumber("items", metric.Items);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("flags");
            foreach (var flag in audit.Flags)
            {
                w.WriteStartObject();
                w.WriteString("name", flag.Name);
                if (flag.Passed is { } passed)
                {
                    w.WriteBoolean("passed", passed);
                }
                else
                {
                    w.WriteNull("passed");
                }

                w.WriteString("detail", flag.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Devices(Utf8JsonWriter w, IReadOnlyList<DeviceCompleteness> devices)
    {
        w.WriteStartArray("devices");
        foreach (var d in devices)
        {
            w.WriteStartObject();
            DeviceTotals(w, d);
            Number(w, "firstSeq", d.FirstSeq);
            Number(w, "lastSeq", d.LastSeq);
            w.WriteNumber("uptime", ScenarioEvaluator.Round(d.Uptime));
            Number(w, "verifiedShare", d.VerifiedShare);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
