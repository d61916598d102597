using GzAiEdge.Contracts.Evidence;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.FieldAudits.Evidence;

/// <summary>
/// What a window's signed report implies about the evidence a device may show for it, where the report says enough:
/// whether the window had positive and negative inputs at all (from the share or per-frame maximum the pipeline
/// reported), and for detections at most as many boxes of each counted class as the report's per-frame maximum. A
/// device cannot claim an empty stratum the report contradicts, nor show outputs its own report rules out.
/// </summary>
public static class ReportImplication
{
    /// <summary>Why the claim that the window had no input of <paramref name="stratum"/> contradicts the report; null when it does not (or the report cannot tell).</summary>
    public static string? EmptyStratum(string pipeline, string stratum, IReadOnlyDictionary<string, double> kpis) =>
        Has(pipeline, stratum, kpis) == true ? $"the window's report implies {stratum} inputs ({Evidence(pipeline, kpis)})" : null;

    /// <summary>Why <paramref name="outputs"/> contradict the report; null when they do not (or the report cannot tell).</summary>
    public static string? Outputs(string pipeline, string stratum, EvidenceOutputs outputs, IReadOnlyDictionary<string, double> kpis)
    {
        if (Has(pipeline, stratum, kpis) == false)
        {
            return $"the window's report implies no {stratum} input ({Evidence(pipeline, kpis)})";
        }

        if (pipeline != PipelineNames.TrafficDetection || outputs.Boxes is not { } boxes)
        {
            return null;
        }

        foreach (var (cls, key) in new[] { ("vehicle", TrafficKpis.MaxVehiclesPerFrame.Key), ("pedestrian", TrafficKpis.MaxPedestriansPerFrame.Key) })
        {
            var shown = boxes.Count(b => b.Class == cls);
            if (kpis.TryGetValue(key, out var max) && shown > max)
            {
                return $"{shown} {cls} boxes in one frame, and the window's report says at most {max} ({key})";
            }
        }

        return null;
    }

    // True or false when the report tells whether the window had inputs of the stratum; null when it cannot.
    private static bool? Has(string pipeline, string stratum, IReadOnlyDictionary<string, double> kpis)
    {
        if (pipeline == PipelineNames.TrafficDetection)
        {
            var found = kpis.TryGetValue(TrafficKpis.MaxVehiclesPerFrame.Key, out var v) | kpis.TryGetValue(TrafficKpis.MaxPedestriansPerFrame.Key, out var p);
            return !found ? null : stratum == Strata.Positive ? v + p > 0 : (v + p == 0 ? true : null);
        }

        var key = Share(pipeline);
        if (key is null || !kpis.TryGetValue(key, out var share))
        {
            return null;
        }

        return stratum == Strata.Positive ? share > 0 : share < 1;
    }

    private static string? Share(string pipeline) => pipeline switch
    {
        PipelineNames.VisualInspection => ManufacturingKpis.DefectRate.Key,
        PipelineNames.VibrationAnomaly => ManufacturingKpis.AnomalyRate.Key,
        PipelineNames.VitalsClassification => MedicalKpis.AbnormalShare.Key,
        _ => null,
    };

    private static string Evidence(string pipeline, IReadOnlyDictionary<string, double> kpis) =>
        string.Join(", ", (pipeline == PipelineNames.TrafficDetection ? [TrafficKpis.MaxVehiclesPerFrame.Key, TrafficKpis.MaxPedestriansPerFrame.Key] : new[] { Share(pipeline)! })
            .Where(kpis.ContainsKey).Select(k => $"{k} = {kpis[k]}"));
}
