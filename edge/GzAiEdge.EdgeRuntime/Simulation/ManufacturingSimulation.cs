using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Simulation;

/// <summary>A production line: units pass inspection (a few defective), a motor's vibration drifts and spikes.</summary>
public sealed class ManufacturingSimulation(Random random) : ISimulation
{
    private double _wear;

    public IReadOnlyList<WindowKpi> Kpis { get; } =
    [
        new(ManufacturingKpis.UnitsInspected.Key, "inspection", WindowAggregation.Count),
        new(ManufacturingKpis.DefectRate.Key, "inspection", WindowAggregation.Mean),
        new(ManufacturingKpis.VibrationRmsMean.Key, "vibration_rms", WindowAggregation.Mean),
        new(ManufacturingKpis.VibrationRmsMax.Key, "vibration_rms", WindowAggregation.Max),
    ];

    public void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        // Wear raises vibration slowly; maintenance (a rare event) resets it.
        _wear = random.NextDouble() < 0.0005 * seconds ? 0 : Math.Min(1, _wear + (0.0002 * seconds));
        var units = SimulationProfiles.Arrivals(random, 1.5, seconds);
        for (var i = 0; i < units; i++)
        {
            var defective = random.NextDouble() < 0.02 + (0.05 * _wear);
            samples.Add(new Sample(time, "inspection", defective ? 1 : 0));
        }

        var spike = random.NextDouble() < 0.01 ? 2.5 : 1;
        var rms = Math.Max(0, SimulationProfiles.Normal(random, (1.2 + (1.5 * _wear)) * spike, 0.1));
        samples.Add(new Sample(time, "vibration_rms", rms));
    }
}
