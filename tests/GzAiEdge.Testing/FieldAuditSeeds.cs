using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Storage;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Testing;

/// <summary>
/// Puts sampled items whose evidence has been received into a cloud's field-audit store, as the evidence intake would
/// after a device answered <c>evidence.fetch</c>: the input as a content-named blob (a PNG frame with the objects drawn
/// where the device's boxes are, or a float32 window) and the device's outputs. For tests of labelling (the API and the
/// pages) that need items without running the whole device path. Open the store the cloud uses: an in-process cloud's
/// <c>FieldAuditsPath</c>, or <see cref="StoreOf"/> the working folder of a cloud started as a process.
/// </summary>
public static class FieldAuditSeeds
{
    /// <summary>The field-audit store of a cloud process whose working folder is <paramref name="folder"/> (its default <c>FieldAudits:Path</c>).</summary>
    public static string StoreOf(TempFolder folder) => folder.File("field-audits");

    /// <summary>A received traffic-detection item: a <paramref name="size"/>² frame with a bright rectangle per box, and the boxes as the device's outputs.</summary>
    public static FieldItem Detection(string store, string scenario, string site, string device, long seq, IReadOnlyList<AuditBox> boxes, int size = 320)
    {
        var rgb = new byte[size * size * 3];
        for (var i = 0; i < rgb.Length; i += 3)
        {
            rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte)(60 + (i / 3 % size * 40 / size));
        }

        foreach (var b in boxes)
        {
            for (var y = Math.Max(0, (int)b.Y1); y < Math.Min(size, (int)b.Y2); y++)
            {
                for (var x = Math.Max(0, (int)b.X1); x < Math.Min(size, (int)b.X2); x++)
                {
                    var p = ((y * size) + x) * 3;
                    (rgb[p], rgb[p + 1], rgb[p + 2]) = ((byte)220, (byte)200, (byte)40);
                }
            }
        }

        var outputs = new EvidenceOutputs { Positive = boxes.Count > 0, Boxes = boxes, Threshold = 0.25 };
        return Add(store, scenario, site, device, PipelineNames.TrafficDetection, seq, outputs, EvidenceShape.OfImage(size, size), Png.Encode(rgb, size, size));
    }

    /// <summary>A received classification item (visual inspection: a 64² image; vitals: a 2-channel window) decided as <paramref name="decision"/>.</summary>
    public static FieldItem Classification(string store, string scenario, string site, string device, long seq, string pipeline, IReadOnlyList<string> classes, int decision)
    {
        var scores = classes.Select((_, i) => i == decision ? 0.9 : 0.1 / Math.Max(1, classes.Count - 1)).ToList();
        var outputs = new EvidenceOutputs { Positive = decision != 0, Classes = classes, Scores = scores, Decision = decision, Threshold = 0.5 };
        if (pipeline == PipelineNames.VisualInspection)
        {
            var rgb = new byte[64 * 64 * 3];
            Array.Fill(rgb, (byte)(decision == 0 ? 180 : 90));
            return Add(store, scenario, site, device, pipeline, seq, outputs, EvidenceShape.OfImage(64, 64), Png.Encode(rgb, 64, 64));
        }

        return Add(store, scenario, site, device, pipeline, seq, outputs, EvidenceShape.OfWindow(60, 2, 1), Window(60, 2, decision));
    }

    /// <summary>A received vibration-anomaly item: a 3-axis window and its reconstruction error against the threshold.</summary>
    public static FieldItem Anomaly(string store, string scenario, string site, string device, long seq, double error, double threshold = 0.05)
    {
        var outputs = new EvidenceOutputs { Positive = error > threshold, Error = error, Threshold = threshold };
        return Add(store, scenario, site, device, PipelineNames.VibrationAnomaly, seq, outputs, EvidenceShape.OfWindow(256, 3, 1000), Window(256, 3, error));
    }

    /// <summary>Stores a received item of any pipeline with these outputs and input bytes.</summary>
    public static FieldItem Add(string store, string scenario, string site, string device, string pipeline, long seq, EvidenceOutputs outputs, EvidenceShape shape, byte[] input)
    {
        var fields = new FieldAuditStore(store);
        var (sha, _) = fields.Blobs.Put(input);
        var windowEnd = DateTimeOffset.UtcNow.AddMinutes(-10 + (seq % 5));
        var stratum = outputs.Positive ? Strata.Positive : Strata.Negative;
        var id = "fi-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"seed/{scenario}/{site}/{device}/{seq}/{stratum}")))[..16];
        var item = new FieldItem(id, "seeded", scenario, site, device, pipeline, seq, new string('a', 64), windowEnd.AddMinutes(-1), windowEnd, stratum, 0.5,
            FieldItemStates.Received, null, null, null, null, sha, shape, outputs, windowEnd.AddSeconds(-30), windowEnd, windowEnd.AddMinutes(1));
        fields.Items.Add([item]);
        return fields.Items.Find(id)!;
    }

    private static byte[] Window(int samples, int channels, double level)
    {
        var data = new byte[samples * channels * sizeof(float)];
        for (var i = 0; i < samples * channels; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * sizeof(float)), (float)(Math.Sin(i * 0.3) * (1 + level)));
        }

        return data;
    }
}
