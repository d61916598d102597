namespace GzAiEdge.Scenarios.Kpis;

/// <summary>
/// How right a forecast was, from truth that arrives after it (EVALUATION.md, "Field audits and later truth"): the
/// cloud pairs each window's <see cref="EnergyKpis.LoadForecastKw"/> with the <see cref="EnergyKpis.LoadMeasuredKw"/>
/// of the device's next window (seq + 1), which it forecast. No device emits these. Over n pairs of measured m and
/// forecast f, with n (not ASHRAE Guideline 14's n − p) in the denominators, because the forecaster's parameters were
/// not fitted to the evaluated period.
/// </summary>
public static class LaterTruthKpis
{
    /// <summary><c>forecast_cv_rmse</c>.</summary>
    public static readonly KpiDefinition ForecastCvRmse = Later(
        "forecast_cv_rmse", "预测 CV(RMSE)", "Forecast CV(RMSE)",
        "coefficient of variation of the root mean squared error: sqrt(Σ(m − f)² / n) / mean(m) (lower is better)");

    /// <summary><c>forecast_nmbe</c>.</summary>
    public static readonly KpiDefinition ForecastNmbe = Later(
        "forecast_nmbe", "预测 NMBE", "Forecast NMBE",
        "normalised mean bias error: Σ(m − f) / (n · mean(m)); above 0 the forecast runs low (nearer 0 is better)");

    /// <summary>The pipelines whose outputs these KPIs score.</summary>
    public static IReadOnlyList<string> Pipelines { get; } = [PipelineNames.LoadForecasting];

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } = [ForecastCvRmse, ForecastNmbe];

    private static KpiDefinition Later(string key, string zh, string en, string meaning) =>
        new(key, "", zh, en, $"later truth, computed in the cloud from the next window's measured load: {meaning}", KpiKind.Accuracy, [], [], TruthSource.LaterTruth, ComputedByPlatform: true);
}
