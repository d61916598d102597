using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Simulation;

/// <summary>An intersection approach: vehicles (with speeds) and pedestrians crossing, busier by day.</summary>
public sealed class TrafficSimulation(Random random) : ISimulation
{
    public IReadOnlyList<WindowKpi> Kpis { get; } =
    [
        new(TrafficKpis.VehicleCount.Key, "vehicle", WindowAggregation.Count),
        new(TrafficKpis.VehicleFlowPerHour.Key, "vehicle", WindowAggregation.CountPerHour),
        new(TrafficKpis.MeanSpeedKmh.Key, "vehicle", WindowAggregation.Mean),
        new(TrafficKpis.PedestrianCount.Key, "pedestrian", WindowAggregation.Count),
    ];

    public void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        var busy = SimulationProfiles.DailyCycle(time);
        var vehicles = SimulationProfiles.Arrivals(random, 0.2 + (0.6 * busy), seconds);
        for (var i = 0; i < vehicles; i++)
        {
            // Congestion slows traffic: free flow 50 km/h, about 25 km/h at the peak.
            var speed = Math.Max(3, SimulationProfiles.Normal(random, 50 - (25 * busy), 8));
            samples.Add(new Sample(time, "vehicle", speed));
        }

        var pedestrians = SimulationProfiles.Arrivals(random, 0.05 + (0.25 * busy), seconds);
        for (var i = 0; i < pedestrians; i++)
        {
            samples.Add(new Sample(time, "pedestrian", 1));
        }
    }
}
