using GzAiEdge.Devices.Sensors.PulseCounter;
using GzAiEdge.Devices.Sources;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.EdgeRuntime.Pipeline.Sensors;

/// <summary>
/// An inductive loop or IR beam on a pulse counter → vehicles and occupancy, no model (traffic-loop in docs/kpis.md).
/// <c>vehicle_count</c> and <c>vehicle_flow_per_hour</c> mean what they mean for traffic-detection (vehicles in the
/// window, and per hour of window); <c>occupancy</c> is the share of the observed time the loop was occupied, so a
/// window in which the line was down for a while is not diluted by the time nothing was seen.
/// </summary>
public sealed class TrafficLoopPipeline(ISignalSource signal) : SignalPipeline(signal, Channels, Definitions, Observed)
{
    private const string Vehicle = "vehicle", Occupied = "occupied_s", Observed = "observed_s";

    private static readonly string[] Channels =
        [PulseCounterSignalSource.Detections, PulseCounterSignalSource.OccupiedSeconds, PulseCounterSignalSource.ObservedSeconds];

    private static readonly WindowKpi[] Definitions =
    [
        new(TrafficKpis.VehicleCount.Key, Vehicle, WindowAggregation.Count),
        new(TrafficKpis.VehicleFlowPerHour.Key, Vehicle, WindowAggregation.CountPerHour),
        new(TrafficKpis.Occupancy.Key, Occupied, WindowAggregation.Ratio, Observed),
    ];

    private protected override void Add(DateTimeOffset time, ReadOnlySpan<float> values, List<Sample> samples)
    {
        for (var vehicle = 0; vehicle < values[0]; vehicle++)
        {
            samples.Add(new Sample(time, Vehicle, 1));
        }

        samples.Add(new Sample(time, Occupied, values[1]));
        samples.Add(new Sample(time, Observed, values[2]));
    }
}
