using System.Text.Json;

namespace GzAiEdge.Cloud.Evaluation;

/// <summary>Completeness per device and time bucket as JSON (received vs expected from the stored seq).</summary>
public static class CompletenessJson
{
    public static byte[] Write(ScenarioEvaluation evaluation)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", evaluation.Scenario.Id);
            w.WriteString("from", evaluation.Period.From.UtcDateTime.ToString("O"));
            w.WriteString("to", evaluation.Period.To.UtcDateTime.ToString("O"));
            w.WriteNumber("bucketSeconds", (long)evaluation.Bucket.TotalSeconds);
            w.WriteString("rule", "expected = how far the device's gap-free seq advanced; a gap is charged to the bucket where reports resumed");
            w.WriteStartArray("devices");
            foreach (var d in evaluation.Devices)
            {
                w.WriteStartObject();
                w.WriteString("site", d.Site);
                w.WriteString("device", d.Device);
                w.WriteNumber("received", d.Received);
                w.WriteNumber("expected", d.Expected);
                w.WriteNumber("completeness", ScenarioEvaluator.Round(d.Completeness));
                w.WriteNumber("uptime", ScenarioEvaluator.Round(d.Uptime));
                w.WriteStartArray("windows");
                foreach (var window in d.Windows)
                {
                    w.WriteStartObject();
                    w.WriteString("start", window.Start.UtcDateTime.ToString("O"));
                    w.WriteNumber("received", window.Received);
                    w.WriteNumber("expected", window.Expected);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }
}
