using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Scenarios.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

public sealed partial class TrafficDetectionPipeline
{
    /// <summary>
    /// The score an audit keeps detections down to, so that AP sees the whole precision-recall curve and not only the part
    /// over the operating threshold. Greedy NMS lets a box be suppressed only by a higher-scored one, so the boxes at or
    /// over the threshold are exactly those the field decoder keeps; the cloud takes precision and recall from them.
    /// </summary>
    public const float AuditScoreFloor = 0.01f;

    private readonly List<Sample> _auditSamples = [];
    private YoloDecoder? _auditDecoder;

    public string Pipeline => PipelineNames.TrafficDetection;

    public double OperatingThreshold => _decoder.ScoreThreshold;

    public string? Refuse(AuditInput item) => AuditOutputs.Expect(item, AuditInput.Image, Pipeline);

    public AuditItemAnswer Answer(AuditInput item, DateTimeOffset time)
    {
        _auditDecoder ??= new YoloDecoder(_decoder.Layout, _decoder.Classes, _decoder.Anchors, Math.Min(AuditScoreFloor, _decoder.ScoreThreshold), _decoder.IouThreshold, _decoder.MaxDetections);
        _auditSamples.Clear();
        Detect(item.Data, item.Width, item.Height, _auditDecoder, time, _auditSamples);
        return new AuditItemAnswer
        {
            Id = item.Id,
            LatencyMs = AuditOutputs.Latencies(_auditSamples),
            Boxes = [.. _grouped.Select(d => new AuditBox(AuditedPipelines.DetectionClasses[d.ClassId], d.Score, d.X1, d.Y1, d.X2, d.Y2))],
        };
    }
}
