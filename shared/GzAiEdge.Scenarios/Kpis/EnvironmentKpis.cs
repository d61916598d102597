namespace GzAiEdge.Scenarios.Kpis;

/// <summary>Air temperature, humidity and pressure from an environment sensor: readings of the world, so monitoring KPIs.</summary>
public static class EnvironmentKpis
{
    /// <summary><c>temperature_mean_c</c>.</summary>
    public static readonly KpiDefinition TemperatureMeanC = Reading("temperature_mean_c", "°C", "平均温度", "Mean temperature", "air temperature, mean over the window");

    /// <summary><c>temperature_min_c</c>.</summary>
    public static readonly KpiDefinition TemperatureMinC = Reading("temperature_min_c", "°C", "最低温度", "Minimum temperature", "the lowest air temperature reading in the window");

    /// <summary><c>temperature_max_c</c>.</summary>
    public static readonly KpiDefinition TemperatureMaxC = Reading("temperature_max_c", "°C", "最高温度", "Maximum temperature", "the highest air temperature reading in the window");

    /// <summary><c>humidity_mean_pct</c>.</summary>
    public static readonly KpiDefinition HumidityMeanPct = Reading("humidity_mean_pct", "%", "平均湿度", "Mean humidity", "relative humidity, mean over the window");

    /// <summary><c>humidity_min_pct</c>.</summary>
    public static readonly KpiDefinition HumidityMinPct = Reading("humidity_min_pct", "%", "最低湿度", "Minimum humidity", "the lowest relative humidity reading in the window");

    /// <summary><c>humidity_max_pct</c>.</summary>
    public static readonly KpiDefinition HumidityMaxPct = Reading("humidity_max_pct", "%", "最高湿度", "Maximum humidity", "the highest relative humidity reading in the window");

    /// <summary><c>pressure_mean_hpa</c>.</summary>
    public static readonly KpiDefinition PressureMeanHpa = Reading("pressure_mean_hpa", "hPa", "平均气压", "Mean pressure", "air pressure, mean over the window");

    /// <summary><c>pressure_min_hpa</c>.</summary>
    public static readonly KpiDefinition PressureMinHpa = Reading("pressure_min_hpa", "hPa", "最低气压", "Minimum pressure", "the lowest air pressure reading in the window");

    /// <summary><c>pressure_max_hpa</c>.</summary>
    public static readonly KpiDefinition PressureMaxHpa = Reading("pressure_max_hpa", "hPa", "最高气压", "Maximum pressure", "the highest air pressure reading in the window");

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } =
    [
        TemperatureMeanC, TemperatureMinC, TemperatureMaxC, HumidityMeanPct, HumidityMinPct, HumidityMaxPct,
        PressureMeanHpa, PressureMinHpa, PressureMaxHpa,
    ];

    private static KpiDefinition Reading(string key, string unit, string zh, string en, string meaning) =>
        new(key, unit, zh, en, meaning, KpiKind.Monitoring, [PipelineNames.Environment], []);
}
