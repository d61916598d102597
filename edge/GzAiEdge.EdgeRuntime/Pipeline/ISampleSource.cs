using GzAiEdge.Contracts.Messages;
using GzAiEdge.Devices.Sources;

namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>
/// What a pipeline service ticks: a simulation, or source → preprocess → model → postprocess. Each tick it
/// adds the samples observed since the last one; a window turns them into KPIs.
/// </summary>
public interface ISampleSource : IDisposable
{
    /// <summary>The KPIs computed from this source's samples.</summary>
    IReadOnlyList<WindowKpi> Kpis { get; }

    /// <summary>The sample that marks one input (frame, window), counted as the <c>samples</c> KPI; null counts every sample.</summary>
    string? InputSample { get; }

    /// <summary>The model behind the samples, carried by every report; null for simulations.</summary>
    ModelInfo? Model { get; }

    /// <summary>The health of the device source behind the samples (camera state, frame counts), for the heartbeat; null for simulations.</summary>
    SourceStats? SourceStats => null;

    /// <summary>Adds the samples observed during the tick of <paramref name="seconds"/> that ends at <paramref name="time"/>.</summary>
    void Tick(DateTimeOffset time, double seconds, List<Sample> samples);
}
