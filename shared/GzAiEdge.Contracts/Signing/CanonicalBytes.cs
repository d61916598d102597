using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// The one byte form of a message that hashes and signatures cover, rebuilt the same way by the
/// device, ingestion and the verifier from the parsed fields (never from the bytes on the wire, so
/// that whitespace or member order on the wire does not matter). UTF-8 JSON without whitespace:
/// members in the fixed order below, <c>sig</c> left out, absent optional members left out, KPI names
/// in ordinal order, times as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, KPI values in the shortest form
/// that parses back to the same IEEE 754 double (.NET "R", Go <c>strconv.FormatFloat(v,'g',-1,64)</c>
/// up to exponent spelling), strings escaped only where JSON requires it.
/// </summary>
public static partial class CanonicalBytes
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Canonical bytes of a report: <c>v, site, device, scenario, seq, windowStart, windowEnd,
    /// kpis, model{name, version, sha256}, prev, kid</c>.
    /// </summary>
    public static byte[] Of(KpiReport report) => Json(report, 256, static (w, report) =>
    {
        w.WriteNumber("v", report.V);
        w.WriteString("site", report.Site);
        w.WriteString("device", report.Device);
        w.WriteString("scenario", report.Scenario);
        w.WriteNumber("seq", report.Seq);
        w.WriteString("windowStart", Time(report.WindowStart));
        w.WriteString("windowEnd", Time(report.WindowEnd));
        w.WriteStartObject("kpis");
        foreach (var (name, value) in report.Kpis.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Number(w, name, value);
        }

        w.WriteEndObject();
        if (report.Model is { } model)
        {
            Model(w, model);
        }

        WriteOptional(w, "prev", report.Prev);
        WriteOptional(w, "kid", report.Kid);
    });

    /// <summary>Canonical bytes of a checkpoint: <c>v, site, device, time, seq, head, kid</c>.</summary>
    public static byte[] Of(Checkpoint checkpoint) => Json(checkpoint, 192, static (w, checkpoint) =>
    {
        w.WriteNumber("v", checkpoint.V);
        w.WriteString("site", checkpoint.Site);
        w.WriteString("device", checkpoint.Device);
        w.WriteString("time", Time(checkpoint.Time));
        w.WriteNumber("seq", checkpoint.Seq);
        w.WriteString("head", checkpoint.Head);
        WriteOptional(w, "kid", checkpoint.Kid);
    });

    /// <summary>
    /// Canonical bytes of a model manifest: <c>v, name, version, versionNumber, pipeline, sha256, size, created,
    /// expires, downgrade</c> (only when true) <c>, kid</c>.
    /// </summary>
    public static byte[] Of(ModelManifest manifest) => Json(manifest, 320, static (w, manifest) =>
    {
        w.WriteNumber("v", manifest.V);
        w.WriteString("name", manifest.Name);
        w.WriteString("version", manifest.Version);
        w.WriteNumber("versionNumber", manifest.VersionNumber);
        w.WriteString("pipeline", manifest.Pipeline);
        w.WriteString("sha256", manifest.Sha256);
        w.WriteNumber("size", manifest.Size);
        w.WriteString("created", Time(manifest.Created));
        w.WriteString("expires", Time(manifest.Expires));
        if (manifest.Downgrade)
        {
            w.WriteBoolean("downgrade", true);
        }

        WriteOptional(w, "kid", manifest.Kid);
    });

    /// <summary>One JSON object of <paramref name="message"/>'s members, without whitespace, as a new array.</summary>
    private static byte[] Json<T>(T message, int capacity, Action<Utf8JsonWriter, T> members)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            members(w, message);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Numbers as the shortest round-trip text ("R"), written raw so that the writer adds nothing of its own.
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        Number(w, value);
    }

    private static void Number(Utf8JsonWriter w, double value) =>
        w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);

    private static void Model(Utf8JsonWriter w, ModelInfo model)
    {
        w.WriteStartObject("model");
        w.WriteString("name", model.Name);
        w.WriteString("version", model.Version);
        w.WriteString("sha256", model.Sha256);
        w.WriteEndObject();
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
