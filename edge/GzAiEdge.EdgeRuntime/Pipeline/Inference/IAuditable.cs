using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// A model pipeline that answers audit items (EVALUATION.md, "Audit runs"): each item goes through the pipeline's own
/// preprocessing, model binding and postprocessing, the step its field inputs take, and its raw outputs come back as the
/// answer. Called only under <see cref="PipelineHost.Exclusive{T}"/>, between field ticks, since both use one binding.
/// </summary>
public interface IAuditable
{
    /// <summary>The pipeline's name (<c>traffic-detection</c>, …), which an audit's manifest must name.</summary>
    string Pipeline { get; }

    /// <summary>The configured operating threshold its decisions are taken at (score, decision or anomaly threshold).</summary>
    double OperatingThreshold { get; }

    /// <summary>Why <paramref name="item"/> cannot go through this pipeline (wrong kind or shape); null when it can.</summary>
    string? Refuse(AuditInput item);

    /// <summary>Runs <paramref name="item"/> and returns its raw outputs and the latency of each model run.</summary>
    AuditItemAnswer Answer(AuditInput item, DateTimeOffset time);
}
