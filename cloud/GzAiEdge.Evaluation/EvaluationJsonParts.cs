using System.Buffers;
using System.Text.Json;

namespace GzAiEdge.Evaluation;

/// <summary>
/// What <see cref="EvaluationJson"/> and <see cref="CompletenessJson"/> write alike: the document
/// frame, times, nullable numbers and a device's delivery totals, so a device reads the same in both.
/// </summary>
internal static class EvaluationJsonParts
{
    /// <summary>One document: written by <paramref name="write"/>, ending in a newline.</summary>
    public static byte[] Document(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>A time as round-trip UTC ("O").</summary>
    public static void Time(Utf8JsonWriter w, string name, DateTimeOffset time) => w.WriteString(name, time.UtcDateTime.ToString("O"));

    /// <summary>The first fields of a device: who it is, and received, expected and completeness over the period.</summary>
    public static void DeviceTotals(Utf8JsonWriter w, DeviceCompleteness d)
    {
        w.WriteString("site", d.Site);
        w.WriteString("device", d.Device);
        w.WriteNumber("received", d.Received);
        w.WriteNumber("expected", d.Expected);
        w.WriteNumber("completeness", ScenarioEvaluator.Round(d.Completeness));
    }

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>The number, or null when there is none.</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>An interval as <c>[low, high]</c>, or null when there is none.</summary>
    public static void IntervalArray(Utf8JsonWriter w, string name, Scenarios.Scoring.Interval? interval)
    {
        if (interval is not { } i)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        w.WriteNumberValue(ScenarioEvaluator.Round(i.Low));
        w.WriteNumberValue(ScenarioEvaluator.Round(i.High));
        w.WriteEndArray();
    }

    /// <summary>The number, or null when there is none.</summary>
    public static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
