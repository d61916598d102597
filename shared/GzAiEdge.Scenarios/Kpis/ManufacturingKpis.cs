using static GzAiEdge.Scenarios.Kpis.PipelineNames;
using static GzAiEdge.Scenarios.Kpis.SimulationProfileNames;

namespace GzAiEdge.Scenarios.Kpis;

/// <summary>What a production line shows: units, defects, vibration. They describe the line, so they are monitoring KPIs.</summary>
public static class ManufacturingKpis
{
    /// <summary><c>units_inspected</c>.</summary>
    public static readonly KpiDefinition UnitsInspected = new(
        "units_inspected", "", "检测件数", "Units inspected",
        "product images classified in the window",
        KpiKind.Monitoring, [VisualInspection], [Manufacturing]);

    /// <summary><c>defect_rate</c>.</summary>
    public static readonly KpiDefinition DefectRate = new(
        "defect_rate", "", "缺陷率", "Defect rate",
        "share of the window's units classified defective",
        KpiKind.Monitoring, [VisualInspection], [Manufacturing]);

    /// <summary><c>vibration_windows</c>.</summary>
    public static readonly KpiDefinition VibrationWindows = new(
        "vibration_windows", "", "振动窗口数", "Vibration windows",
        "accelerometer windows scored in the window",
        KpiKind.Monitoring, [VibrationAnomaly], []);

    /// <summary><c>anomaly_rate</c>.</summary>
    public static readonly KpiDefinition AnomalyRate = new(
        "anomaly_rate", "", "异常率", "Anomaly rate",
        "share of the window's accelerometer windows over the reconstruction-error threshold",
        KpiKind.Monitoring, [VibrationAnomaly], []);

    /// <summary><c>reconstruction_error_mean</c>.</summary>
    public static readonly KpiDefinition ReconstructionErrorMean = new(
        "reconstruction_error_mean", "", "重构误差均值", "Mean reconstruction error",
        "the autoencoder's mean squared reconstruction error, mean over the window's accelerometer windows",
        KpiKind.Monitoring, [VibrationAnomaly], []);

    /// <summary><c>reconstruction_error_max</c>.</summary>
    public static readonly KpiDefinition ReconstructionErrorMax = new(
        "reconstruction_error_max", "", "重构误差峰值", "Max reconstruction error",
        "the autoencoder's largest mean squared reconstruction error in the window",
        KpiKind.Monitoring, [VibrationAnomaly], []);

    /// <summary><c>vibration_rms_mean</c>.</summary>
    public static readonly KpiDefinition VibrationRmsMean = new(
        "vibration_rms_mean", "", "振动均方根均值", "Vibration RMS mean",
        "a motor's RMS vibration level, mean over the window (on the simulation's own scale)",
        KpiKind.Monitoring, [], [Manufacturing]);

    /// <summary><c>vibration_rms_max</c>.</summary>
    public static readonly KpiDefinition VibrationRmsMax = new(
        "vibration_rms_max", "", "振动均方根峰值", "Vibration RMS max",
        "a motor's largest RMS vibration level in the window (on the simulation's own scale)",
        KpiKind.Monitoring, [], [Manufacturing]);

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } =
    [
        UnitsInspected, DefectRate, VibrationWindows, AnomalyRate, ReconstructionErrorMean, ReconstructionErrorMax,
        VibrationRmsMean, VibrationRmsMax,
    ];
}
