using GzAiEdge.Contracts.Messages;
using GzAiEdge.Devices.Sources;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// What every model pipeline shares: it owns its <see cref="ModelRunner"/> and its device source (both released
/// on dispose), reports the latency KPIs ahead of its own, and counts one input per model run.
/// </summary>
public abstract class ModelPipeline : ISampleSource
{
    private readonly ISource _source;

    private protected ModelPipeline(ModelRunner runner, ISource source, IEnumerable<WindowKpi> kpis)
    {
        Runner = runner;
        _source = source;
        Kpis = [.. ModelRunner.LatencyKpis, .. kpis];
    }

    public IReadOnlyList<WindowKpi> Kpis { get; }

    public string? InputSample => ModelRunner.LatencySample;

    public ModelInfo? Model => Runner.Model;

    public SourceStats? SourceStats => _source.Stats;

    /// <summary>The model and its binding; the pipeline owns it.</summary>
    public ModelRunner Runner { get; }

    public abstract void Tick(DateTimeOffset time, double seconds, List<Sample> samples);

    public void Dispose()
    {
        _source.Dispose();
        Runner.Dispose();
    }
}
