using System.Text.Json;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

public static partial class CanonicalBytes
{
    /// <summary>
    /// Canonical bytes of an audit manifest: <c>v, audit, site, device, testSet, version, pipeline, items, sha256, size,
    /// url, nonce, seed, deadline, created, kid</c>. Its members differ from a model manifest's, so a signature on one can
    /// never pass for the other.
    /// </summary>
    public static byte[] Of(AuditManifest manifest) => Json(manifest, 512, static (w, m) =>
    {
        w.WriteNumber("v", m.V);
        w.WriteString("audit", m.Audit);
        w.WriteString("site", m.Site);
        w.WriteString("device", m.Device);
        w.WriteString("testSet", m.TestSet);
        w.WriteString("version", m.Version);
        w.WriteString("pipeline", m.Pipeline);
        w.WriteNumber("items", m.Items);
        w.WriteString("sha256", m.Sha256);
        w.WriteNumber("size", m.Size);
        w.WriteString("url", m.Url);
        w.WriteString("nonce", m.Nonce);
        w.WriteNumber("seed", m.Seed);
        w.WriteString("deadline", Time(m.Deadline));
        w.WriteString("created", Time(m.Created));
        WriteOptional(w, "kid", m.Kid);
    });

    /// <summary>
    /// Canonical bytes of an audit answer: <c>v, audit, site, device, nonce, inputs, model{name, version, sha256},
    /// threshold, started, finished, items, kid</c>; each item <c>id, latencyMs</c> and then, when present, <c>boxes</c>
    /// (<c>class, score, x1, y1, x2, y2</c>), <c>scores, decision, error, windows</c> (<c>start, end, scores, decision,
    /// alert</c>); numbers as for KPI values.
    /// </summary>
    public static byte[] Of(AuditAnswer answer) => Json(answer, 4096 + (answer.Items.Count * 128), static (w, a) =>
    {
        w.WriteNumber("v", a.V);
        w.WriteString("audit", a.Audit);
        w.WriteString("site", a.Site);
        w.WriteString("device", a.Device);
        w.WriteString("nonce", a.Nonce);
        w.WriteString("inputs", a.Inputs);
        Model(w, a.Model);
        Number(w, "threshold", a.Threshold);
        w.WriteString("started", Time(a.Started));
        w.WriteString("finished", Time(a.Finished));
        w.WriteStartArray("items");
        foreach (var item in a.Items)
        {
            Item(w, item);
        }

        w.WriteEndArray();
        WriteOptional(w, "kid", a.Kid);
    });

    /// <summary>Detection boxes as an audit answer and an evidence upload both sign them.</summary>
    internal static void Boxes(Utf8JsonWriter w, IReadOnlyList<AuditBox> boxes)
    {
        w.WriteStartArray("boxes");
        foreach (var b in boxes)
        {
            w.WriteStartObject();
            w.WriteString("class", b.Class);
            Number(w, "score", b.Score);
            Number(w, "x1", b.X1);
            Number(w, "y1", b.Y1);
            Number(w, "x2", b.X2);
            Number(w, "y2", b.Y2);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Item(Utf8JsonWriter w, AuditItemAnswer item)
    {
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        Numbers(w, "latencyMs", item.LatencyMs);
        if (item.Boxes is { } boxes)
        {
            Boxes(w, boxes);
        }

        if (item.Scores is { } scores)
        {
            Numbers(w, "scores", scores);
        }

        if (item.Decision is { } decision)
        {
            w.WriteNumber("decision", decision);
        }

        if (item.Error is { } error)
        {
            Number(w, "error", error);
        }

        if (item.Windows is { } windows)
        {
            w.WriteStartArray("windows");
            foreach (var window in windows)
            {
                w.WriteStartObject();
                w.WriteNumber("start", window.Start);
                w.WriteNumber("end", window.End);
                Numbers(w, "scores", window.Scores);
                w.WriteNumber("decision", window.Decision);
                w.WriteBoolean("alert", window.Alert);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            Number(w, value);
        }

        w.WriteEndArray();
    }
}
