using System.Diagnostics;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands.Audits;

/// <summary>
/// Runs an audit's items through the pipeline that runs now, in the order the manifest's seed gives, one item at a time
/// under the pipeline's lock and only when no field tick waits for it (<see cref="PipelineHost.Exclusive{T}"/>), so the
/// field windows keep their timing. The same pipeline object must run every item: if a command or a trial replaced it
/// (another model or configuration) the run fails rather than answer for two models.
/// </summary>
public sealed class AuditRunner(IOptions<EdgeOptions> edge, PipelineHost pipeline, TimeProvider time, ILogger<AuditRunner> logger)
{
    /// <summary>The unsigned answer, or why there is none.</summary>
    public async Task<AuditRun> RunAsync(AuditManifest manifest, IReadOnlyList<AuditInput> items, IAuditable auditable, CancellationToken cancellationToken)
    {
        if (items.Select(auditable.Refuse).FirstOrDefault(r => r is not null) is { } unfit)
        {
            return AuditRun.Failed(unfit);
        }

        var order = AuditOrder.Of(manifest.Seed, items.Count);
        var answers = new List<AuditItemAnswer>(items.Count);
        var model = ((ModelPipeline)auditable).Model!;
        var started = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        foreach (var index in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (time.GetUtcNow() > manifest.Deadline)
            {
                return AuditRun.Failed($"the deadline {manifest.Deadline:O} passed after {answers.Count} of {items.Count} items");
            }

            var answer = pipeline.Exclusive(current => ReferenceEquals(current, auditable) ? auditable.Answer(items[index], time.GetUtcNow()) : null);
            if (answer is null)
            {
                return AuditRun.Failed($"the pipeline was replaced after {answers.Count} of {items.Count} items (a new model or configuration); one audit answers for one model");
            }

            answers.Add(answer);

            // The field's ticks take the lock between items; yielding here lets a waiting one in before the next item.
            await Task.Yield();
        }

        EdgeLog.AuditRan(logger, manifest.Audit, items.Count, watch.Elapsed.TotalSeconds);
        return new AuditRun(new AuditAnswer
        {
            V = ContractVersion.Current,
            Audit = manifest.Audit,
            Site = edge.Value.Site,
            Device = edge.Value.Device,
            Nonce = manifest.Nonce,
            Inputs = manifest.Sha256,
            Model = model,
            Threshold = auditable.OperatingThreshold,
            Started = started,
            Finished = time.GetUtcNow(),
            Items = answers,
        }, null);
    }
}

/// <summary>An audit run's unsigned answer, or why it has none.</summary>
public sealed record AuditRun(AuditAnswer? Answer, string? Failure)
{
    public static AuditRun Failed(string why) => new(null, why);
}
