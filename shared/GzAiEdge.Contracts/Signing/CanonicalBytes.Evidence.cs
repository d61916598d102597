using System.Text.Json;
using GzAiEdge.Contracts.Evidence;

namespace GzAiEdge.Contracts.Signing;

public static partial class CanonicalBytes
{
    /// <summary>
    /// Canonical bytes of an evidence upload: <c>v, item, site, device, nonce, seq, reportHash, stratum, count</c>, then
    /// when present <c>time, shape{mediaType, width, height, samples, channels, sampleHz}, inputSha256,
    /// outputs{positive, boxes, classes, scores, decision, error, threshold}, missing</c>, and <c>kid</c>. The input
    /// itself is bound through its SHA-256, which the cloud checks against the bytes it received.
    /// </summary>
    public static byte[] Of(EvidenceUpload e) => Json(e, 1024 + ((e.Outputs?.Boxes?.Count ?? 0) * 96), static (w, e) =>
    {
        w.WriteNumber("v", e.V);
        w.WriteString("item", e.Item);
        w.WriteString("site", e.Site);
        w.WriteString("device", e.Device);
        w.WriteString("nonce", e.Nonce);
        w.WriteNumber("seq", e.Seq);
        w.WriteString("reportHash", e.ReportHash);
        w.WriteString("stratum", e.Stratum);
        w.WriteNumber("count", e.Count);
        if (e.Time is { } time)
        {
            w.WriteString("time", Time(time));
        }

        if (e.Shape is { } s)
        {
            w.WriteStartObject("shape");
            w.WriteString("mediaType", s.MediaType);
            w.WriteNumber("width", s.Width);
            w.WriteNumber("height", s.Height);
            w.WriteNumber("samples", s.Samples);
            w.WriteNumber("channels", s.Channels);
            Number(w, "sampleHz", s.SampleHz);
            w.WriteEndObject();
        }

        WriteOptional(w, "inputSha256", e.InputSha256);
        if (e.Outputs is { } o)
        {
            Outputs(w, o);
        }

        WriteOptional(w, "missing", e.Missing);
        WriteOptional(w, "kid", e.Kid);
    });

    private static void Outputs(Utf8JsonWriter w, EvidenceOutputs o)
    {
        w.WriteStartObject("outputs");
        w.WriteBoolean("positive", o.Positive);
        if (o.Boxes is { } boxes)
        {
            Boxes(w, boxes);
        }

        if (o.Classes is { } classes)
        {
            w.WriteStartArray("classes");
            foreach (var c in classes)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
        }

        if (o.Scores is { } scores)
        {
            Numbers(w, "scores", scores);
        }

        if (o.Decision is { } decision)
        {
            w.WriteNumber("decision", decision);
        }

        if (o.Error is { } error)
        {
            Number(w, "error", error);
        }

        if (o.Threshold is { } threshold)
        {
            Number(w, "threshold", threshold);
        }

        w.WriteEndObject();
    }
}
