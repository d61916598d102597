using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Scenarios.Kpis;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Evidence;

/// <summary>
/// Whether this device keeps evidence for a pipeline, and its one ring. On by default for every model pipeline except
/// vitals-classification: a patient's vital signs are medical data, kept off the device's disk unless the site's
/// configuration says <c>evidence: enabled: true</c> (its operators decided field audits may see them).
/// </summary>
public sealed class EvidenceRings(IOptions<EvidenceOptions> options, IOptions<EdgeOptions> edge)
{
    private readonly Lazy<EvidenceRing> _ring = new(() =>
    {
        var o = options.Value;
        var folder = o.Path ?? System.IO.Path.Combine(edge.Value.StateDirectory, $"{edge.Value.Device}.evidence");
        return new EvidenceRing(folder, TimeSpan.FromMinutes(o.Minutes), o.MaxBytes, o.EverySeconds);
    });

    /// <summary>Pipelines whose evidence is off unless the configuration turns it on.</summary>
    public static IReadOnlyList<string> OffByDefault { get; } = [PipelineNames.VitalsClassification];

    /// <summary>Whether evidence is kept for <paramref name="pipeline"/>.</summary>
    // Never for load-forecasting: no evaluator labels a forecast, whose truth (the next reading) arrives by itself.
    public bool Keeps(string pipeline) =>
        PipelineNames.WithModel.Contains(pipeline) && pipeline != PipelineNames.LoadForecasting && (options.Value.Enabled ?? !OffByDefault.Contains(pipeline));

    /// <summary>The ring for <paramref name="pipeline"/>, or null when the device keeps no evidence for it.</summary>
    public EvidenceRing? For(string pipeline) => Keeps(pipeline) ? _ring.Value : null;

    /// <summary>The ring if one was opened (for the heartbeat's counts).</summary>
    public EvidenceRing? Opened => _ring.IsValueCreated ? _ring.Value : null;
}
