namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// A building's or feeder's load and the device's forecast of it (能源环保). The measured load is the world, so
/// monitoring; the forecast is the device's own output, never scored by itself: the cloud scores it against the
/// measured load that arrives after it (<see cref="LaterTruthKpis"/>).
/// </summary>
public static class EnergyKpis
{
    /// <summary><c>load_measured_kw</c>.</summary>
    public static readonly KpiDefinition LoadMeasuredKw = new(
        "load_measured_kw", "kW", "实测负荷", "Measured load",
        "the metered load, mean of the readings in the window (each reading one interval's mean power); the truth of the forecast made one window before",
        KpiKind.Monitoring, [PipelineNames.LoadForecasting], []);

    /// <summary><c>load_forecast_kw</c>.</summary>
    public static readonly KpiDefinition LoadForecastKw = new(
        "load_forecast_kw", "kW", "预测负荷", "Load forecast",
        "the model's forecast of the next reading, made from the readings up to the window's end (mean when the window ran it more than once); scored only by the cloud, against the next window's measured load",
        KpiKind.Diagnostic, [PipelineNames.LoadForecasting], []);

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } = [LoadMeasuredKw, LoadForecastKw];
}
