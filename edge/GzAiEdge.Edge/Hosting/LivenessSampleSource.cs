using GzAiEdge.Contracts.Messages;
using GzAiEdge.Edge.Pipeline;

namespace GzAiEdge.Edge.Hosting;

/// <summary>
/// The device's sample source as the pipeline loop sees it: marks <see cref="PipelineLiveness"/> after every tick.
/// The source itself belongs to the container, which disposes it.
/// </summary>
public sealed class LivenessSampleSource(ISampleSource inner, PipelineLiveness liveness) : ISampleSource
{
    public IReadOnlyList<KpiDefinition> Kpis => inner.Kpis;

    public string? InputSample => inner.InputSample;

    public ModelInfo? Model => inner.Model;

    public void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        inner.Tick(time, seconds, samples);
        liveness.Beat();
    }

    public void Dispose()
    {
    }
}
