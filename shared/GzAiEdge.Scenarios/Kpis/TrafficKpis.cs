using static GzAiEdge.Scenarios.Kpis.PipelineNames;
using static GzAiEdge.Scenarios.Kpis.SimulationProfileNames;

namespace GzAiEdge.Scenarios.Kpis;

/// <summary>What traffic devices see: vehicles, pedestrians, occupancy and speed. They describe the street, so they are monitoring KPIs.</summary>
public static class TrafficKpis
{
    /// <summary><c>vehicle_count</c>.</summary>
    public static readonly KpiDefinition VehicleCount = new(
        "vehicle_count", "veh", "车辆数", "Vehicles",
        "vehicles counted in the window: crossings of the counting line, or detections that began over the loop",
        KpiKind.Monitoring, [TrafficDetection, TrafficLoop], [Traffic]);

    /// <summary><c>vehicle_flow_per_hour</c>.</summary>
    public static readonly KpiDefinition VehicleFlowPerHour = new(
        "vehicle_flow_per_hour", "veh/h", "车流量", "Vehicle flow",
        "vehicle_count scaled to an hour of window",
        KpiKind.Monitoring, [TrafficDetection, TrafficLoop], [Traffic]);

    /// <summary><c>pedestrian_count</c>.</summary>
    public static readonly KpiDefinition PedestrianCount = new(
        "pedestrian_count", "ped", "行人数", "Pedestrians",
        "pedestrians counted crossing the counting line in the window",
        KpiKind.Monitoring, [TrafficDetection], [Traffic]);

    /// <summary><c>mean_vehicles_per_frame</c>.</summary>
    public static readonly KpiDefinition MeanVehiclesPerFrame = PerFrame("mean_vehicles_per_frame", "平均每帧车辆数", "Mean vehicles per frame", "vehicles present per frame, mean over the window (occupancy)");

    /// <summary><c>max_vehicles_per_frame</c>.</summary>
    public static readonly KpiDefinition MaxVehiclesPerFrame = PerFrame("max_vehicles_per_frame", "每帧最多车辆数", "Max vehicles per frame", "vehicles present in the busiest frame of the window");

    /// <summary><c>mean_pedestrians_per_frame</c>.</summary>
    public static readonly KpiDefinition MeanPedestriansPerFrame = PerFrame("mean_pedestrians_per_frame", "平均每帧行人数", "Mean pedestrians per frame", "pedestrians present per frame, mean over the window (crowding)");

    /// <summary><c>max_pedestrians_per_frame</c>.</summary>
    public static readonly KpiDefinition MaxPedestriansPerFrame = PerFrame("max_pedestrians_per_frame", "每帧最多行人数", "Max pedestrians per frame", "pedestrians present in the busiest frame of the window");

    /// <summary><c>occupancy</c>.</summary>
    public static readonly KpiDefinition Occupancy = new(
        "occupancy", "", "占有率", "Occupancy",
        "share of the observed time the loop was occupied (time the line was down is not observed)",
        KpiKind.Monitoring, [TrafficLoop], []);

    /// <summary><c>mean_speed_kmh</c>.</summary>
    public static readonly KpiDefinition MeanSpeedKmh = new(
        "mean_speed_kmh", "km/h", "平均车速", "Mean speed",
        "mean speed of the vehicles counted in the window (the simulation gives each vehicle a speed; no pipeline measures it)",
        KpiKind.Monitoring, [], [Traffic]);

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } =
    [
        VehicleCount, VehicleFlowPerHour, PedestrianCount, MeanVehiclesPerFrame, MaxVehiclesPerFrame,
        MeanPedestriansPerFrame, MaxPedestriansPerFrame, Occupancy, MeanSpeedKmh,
    ];

    private static KpiDefinition PerFrame(string key, string zh, string en, string meaning) =>
        new(key, "", zh, en, meaning, KpiKind.Monitoring, [TrafficDetection], []);
}
