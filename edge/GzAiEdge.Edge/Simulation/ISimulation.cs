using GzAiEdge.Edge.Pipeline;

namespace GzAiEdge.Edge.Simulation;

/// <summary>A sector's simulated world: what it observes each tick, and the KPIs computed from that.</summary>
public interface ISimulation
{
    IReadOnlyList<KpiDefinition> Kpis { get; }

    /// <summary>Adds the samples observed during the tick of <paramref name="seconds"/> that ends at <paramref name="time"/>.</summary>
    void Tick(DateTimeOffset time, double seconds, List<Sample> samples);
}
