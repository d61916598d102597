using GzAiEdge.Contracts.Audits;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>What the pipelines' audit answers share: checking an item's kind and reading the model runs' latencies back.</summary>
internal static class AuditOutputs
{
    /// <summary>Null when <paramref name="item"/> is a <paramref name="kind"/>; else why <paramref name="pipeline"/> cannot take it.</summary>
    public static string? Expect(AuditInput item, string kind, string pipeline) =>
        item.Kind == kind ? null : $"item '{item.Id}' is a {item.Kind}; {pipeline} takes {kind}s";

    /// <summary>The model runs' latencies among <paramref name="samples"/> (what <see cref="ModelRunner.Run"/> added).</summary>
    public static double[] Latencies(List<Sample> samples) => [.. samples.Where(s => s.Name == ModelRunner.LatencySample).Select(s => s.Value)];
}
