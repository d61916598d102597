using System.Text.Json;
using static GzAiEdge.Evaluation.EvaluationJsonParts;

namespace GzAiEdge.Evaluation;

/// <summary>Completeness per device and time bucket as JSON (received vs expected from the stored seq).</summary>
public static class CompletenessJson
{
    // The default encoder (unlike EvaluationJson's relaxed one) escapes the rule's apostrophe; kept so the bytes stay the same.
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static byte[] Write(ScenarioEvaluation evaluation) => Document(Options, w =>
    {
        w.WriteStartObject();
        w.WriteString("scenario", evaluation.Scenario.Id);
        Time(w, "from", evaluation.Period.From);
        Time(w, "to", evaluation.Period.To);
        w.WriteNumber("bucketSeconds", (long)evaluation.Bucket.TotalSeconds);
        w.WriteString("rule", "expected = how far the device's gap-free seq advanced; a gap is charged to the bucket where reports resumed");
        w.WriteStartArray("devices");
        foreach (var d in evaluation.Devices)
        {
            w.WriteStartObject();
            DeviceTotals(w, d);
            w.WriteNumber("uptime", ScenarioEvaluator.Round(d.Uptime));
            w.WriteStartArray("windows");
            foreach (var window in d.Windows)
            {
                w.WriteStartObject();
                Time(w, "start", window.Start);
                w.WriteNumber("received", window.Received);
                w.WriteNumber("expected", window.Expected);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
