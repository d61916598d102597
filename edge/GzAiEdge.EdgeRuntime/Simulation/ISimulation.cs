using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Pipeline;

namespace GzAiEdge.EdgeRuntime.Simulation;

/// <summary>A sector's simulated world: what it observes each tick, and the KPIs computed from that. No model, nothing to release.</summary>
public interface ISimulation : ISampleSource
{
    string? ISampleSource.InputSample => null;

    ModelInfo? ISampleSource.Model => null;

    void IDisposable.Dispose()
    {
    }
}
