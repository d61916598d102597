using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

public sealed partial class VitalsClassificationPipeline
{
    private readonly List<Sample> _auditSamples = [];

    public string Pipeline => PipelineNames.VitalsClassification;

    public double OperatingThreshold => _threshold;

    public string? Refuse(AuditInput item) =>
        AuditOutputs.Expect(item, AuditInput.Series, Pipeline)
        ?? (item.Channels == 2 && item.Samples >= _series.Window.Length
            ? null
            : $"item '{item.Id}' is a series of {item.Samples} samples of {item.Channels} channels; the model takes windows of {_series.Window.Length} samples of heart rate and SpO2");

    /// <summary>
    /// The series slides through a window of the field's length and hop, from its first sample, as a field signal does
    /// after a seam; each full window is decided and the alert rule runs over the series.
    /// </summary>
    public AuditItemAnswer Answer(AuditInput item, DateTimeOffset time)
    {
        var values = item.Floats();
        var window = new SlidingWindow(_series.Window.Length, _series.Window.Hop, channels: 2);
        var alerts = default(AlertRun);
        var windows = new List<AuditWindow>();
        _auditSamples.Clear();
        for (var s = 0; s < item.Samples; s++)
        {
            if (window.Add(values.AsSpan(s * 2, 2)))
            {
                window.CopyTo(Runner.Binding.Input<float>(0));
                var abnormal = Decide(time, _auditSamples);
                windows.Add(new AuditWindow(s + 1 - window.Length, s + 1, [.. _probabilities.Select(p => (double)p)], abnormal ? 1 : 0, alerts.Next(abnormal)));
            }
        }

        return new AuditItemAnswer { Id = item.Id, LatencyMs = AuditOutputs.Latencies(_auditSamples), Windows = windows };
    }
}
