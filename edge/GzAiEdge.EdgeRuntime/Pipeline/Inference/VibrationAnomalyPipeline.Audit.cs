using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

public sealed partial class VibrationAnomalyPipeline
{
    private readonly List<Sample> _auditSamples = [];

    public string Pipeline => PipelineNames.VibrationAnomaly;

    public double OperatingThreshold => _threshold;

    public string? Refuse(AuditInput item) =>
        AuditOutputs.Expect(item, AuditInput.Window, Pipeline)
        ?? (item.Channels == 1 && item.Samples == _series.Window.Length
            ? null
            : $"item '{item.Id}' is a window of {item.Samples} samples of {item.Channels} channels; the model takes {_series.Window.Length} samples of one");

    public AuditItemAnswer Answer(AuditInput item, DateTimeOffset time)
    {
        _auditSamples.Clear();
        item.Floats().CopyTo(Runner.Binding.Input<float>(0));
        var (error, anomalous) = Reconstruct(time, _auditSamples);
        return new AuditItemAnswer { Id = item.Id, LatencyMs = AuditOutputs.Latencies(_auditSamples), Error = error, Decision = anomalous ? 1 : 0 };
    }
}
