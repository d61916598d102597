using System.Text.Encodings.Web;
using System.Text.Json;
using GzAiEdge.Scenarios.Ranking;
using GzAiEdge.Scenarios.Scoring;
using static GzAiEdge.Evaluation.EvaluationJsonParts;

namespace GzAiEdge.Evaluation;

/// <summary>
/// Writes evaluations as JSON in a fixed property order with no clock or machine in it, so the same
/// stored data, catalogue and types give byte-identical output.
/// </summary>
public static class EvaluationJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Scenario(ScenarioEvaluation evaluation, string catalogueVersion, string rubricVersion) =>
        Document(Options, w => WriteScenario(w, evaluation, catalogueVersion, rubricVersion));

    public static byte[] Programme(ProgrammeEvaluation programme, bool withScenarios) => Document(Options, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("programme");
        w.WriteString("catalogueVersion", programme.Programme.CatalogueVersion);
        w.WriteString("rubricVersion", programme.Programme.RubricVersion);
        w.WriteNumber("scenariosEvaluated", programme.Scenarios.Count);
        w.WriteString("evidence", programme.Evidence);
        w.WriteString("rankingRule", "eligible scenarios (no failed gate) by score descending; ties by completeness descending, then scenario id; places whose score intervals overlap are statistical ties");
        w.WriteString("intervalRule", ScenarioJsonParts.IntervalRule);
        w.WriteString("benchmarkRule", "best-ranked eligible scenario of each sector first, then the next best by rank, listed in rank order; each place's selection says why it was chosen and which tie with a scenario left out was broken (point score, then completeness, then scenario id)");
        Strings(w, "models", programme.Models);
        w.WriteEndObject();
        Ranked(w, "leaderboard", programme.Leaderboard);
        Ranked(w, "benchmarks", programme.Benchmarks);
        w.WriteStartArray("ineligible");
        foreach (var s in programme.Scenarios.Where(s => !s.Score.Eligible))
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Scenario.Id);
            w.WriteNumber("score", s.Score.Score);
            Strings(w, "failedGates", s.Score.FailedGates);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (withScenarios)
        {
            w.WriteStartArray("scenarios");
            foreach (var s in programme.Scenarios)
            {
                WriteScenario(w, s, programme.Programme.CatalogueVersion, programme.Programme.RubricVersion);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    private static void WriteScenario(Utf8JsonWriter w, ScenarioEvaluation e, string catalogueVersion, string rubricVersion)
    {
        var s = e.Scenario;
        w.WriteStartObject();
        w.WriteStartObject("scenario");
        w.WriteString("id", s.Id);
        w.WriteString("nameZh", s.NameZh);
        w.WriteString("nameEn", s.NameEn);
        w.WriteString("sector", s.SectorTag);
        w.WriteString("type", s.Type);
        w.WriteString("provider", s.Provider);
        w.WriteEndObject();
        Time(w, "from", e.Period.From);
        Time(w, "to", e.Period.To);
        w.WriteString("catalogueVersion", catalogueVersion);
        w.WriteString("rubricVersion", rubricVersion);
        Strings(w, "models", e.Models);
        w.WriteString("evidence", e.Evidence);
        w.WriteNumber("score", e.Score.Score);
        IntervalArray(w, "scoreInterval", e.Score.Interval);
        w.WriteBoolean("eligible", e.Score.Eligible);
        w.WriteBoolean("provisional", e.Score.Provisional);
        Strings(w, "provisionalBecause", e.Score.Provisional ? e.Score.ProvisionalBecause : []);
        Strings(w, "failedGates", e.Score.FailedGates);
        w.WriteStartObject("reports");
        w.WriteNumber("used", e.Reports.Used);
        w.WriteStartArray("excluded");
        foreach (var x in e.Reports.Excluded)
        {
            w.WriteStartObject();
            w.WriteString("site", x.Site);
            w.WriteString("device", x.Device);
            w.WriteNumber("count", x.Count);
            w.WriteString("reason", x.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        Number(w, "completeness", e.Completeness);
        Number(w, "uptime", e.Uptime);
        ScenarioJsonParts.Requirement(w, e.Type.Requirement);
        ScenarioJsonParts.Gates(w, e.Score.Gates);
        ScenarioJsonParts.Kpis(w, e.Score.Kpis);
        OutcomeJson.Write(w, e.Score.Outcome);
        ScenarioJsonParts.Audits(w, e.Audits);
        ScenarioJsonParts.Devices(w, e.Devices);
        w.WriteNumber("bucketSeconds", (long)e.Bucket.TotalSeconds);
        w.WriteStartObject("series");
        foreach (var series in e.Series)
        {
            w.WriteStartArray(series.Key);
            foreach (var (start, value) in series.Points)
            {
                w.WriteStartArray();
                w.WriteStringValue(start.UtcDateTime.ToString("O"));
                w.WriteNumberValue(value);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The JSON spelling of a gate status.</summary>
    public static string Status(GateStatus status) => status switch
    {
        GateStatus.Passed => "passed",
        GateStatus.Failed => "failed",
        _ => "not evaluated",
    };

    private static void Ranked(Utf8JsonWriter w, string name, IReadOnlyList<RankedScenario> ranked)
    {
        w.WriteStartArray(name);
        foreach (var r in ranked)
        {
            w.WriteStartObject();
            w.WriteNumber("rank", r.Rank);
            w.WriteString("scenario", r.Candidate.ScenarioId);
            w.WriteString("sector", r.Candidate.Sector.ToString().ToLowerInvariant());
            w.WriteNumber("score", r.Candidate.Score);
            IntervalArray(w, "scoreInterval", r.Candidate.ScoreInterval);
            w.WriteBoolean("provisional", r.Candidate.Provisional);
            Number(w, "completeness", r.Candidate.Completeness);
            w.WriteString("tie", r.Tie);
            w.WriteString("statisticalTie", r.StatisticalTie);
            if (r.Selection is { } selection)
            {
                w.WriteString("selection", selection);
            }
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
