using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Edge.Pipeline.Inference;

/// <summary>
/// What every model pipeline shares: it owns its <see cref="ModelRunner"/> (released on dispose), reports the
/// latency KPIs ahead of its own, and counts one input per model run.
/// </summary>
public abstract class ModelPipeline : ISampleSource
{
    private protected ModelPipeline(ModelRunner runner, IEnumerable<KpiDefinition> kpis)
    {
        Runner = runner;
        Kpis = [.. ModelRunner.LatencyKpis, .. kpis];
    }

    public IReadOnlyList<KpiDefinition> Kpis { get; }

    public string? InputSample => ModelRunner.LatencySample;

    public ModelInfo? Model => Runner.Model;

    /// <summary>The model and its binding; the pipeline owns it.</summary>
    public ModelRunner Runner { get; }

    public abstract void Tick(DateTimeOffset time, double seconds, List<Sample> samples);

    public void Dispose() => Runner.Dispose();
}
