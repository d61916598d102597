using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

public sealed partial class VisualInspectionPipeline
{
    private readonly List<Sample> _auditSamples = [];

    public string Pipeline => PipelineNames.VisualInspection;

    public double OperatingThreshold => _threshold;

    public string? Refuse(AuditInput item) => AuditOutputs.Expect(item, AuditInput.Image, Pipeline);

    public AuditItemAnswer Answer(AuditInput item, DateTimeOffset time)
    {
        _auditSamples.Clear();
        var defective = Classify(item.Data, item.Width, item.Height, time, _auditSamples);
        return new AuditItemAnswer
        {
            Id = item.Id,
            LatencyMs = AuditOutputs.Latencies(_auditSamples),
            Scores = [.. _probabilities.Select(p => (double)p)],
            Decision = defective ? 1 : 0,
        };
    }
}
