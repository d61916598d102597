using static GzAiEdge.Scenarios.Kpis.PipelineNames;
using static GzAiEdge.Scenarios.Kpis.SimulationProfileNames;

namespace GzAiEdge.Scenarios.Kpis;

/// <summary>What a ward shows: vital signs, abnormal windows and alerts. They describe the patients, so they are monitoring KPIs.</summary>
public static class MedicalKpis
{
    /// <summary><c>heart_rate_mean</c>.</summary>
    public static readonly KpiDefinition HeartRateMean = new(
        "heart_rate_mean", "bpm", "平均心率", "Mean heart rate",
        "heart rate, mean over the window's samples",
        KpiKind.Monitoring, [VitalsClassification], [Medical]);

    /// <summary><c>spo2_mean</c>.</summary>
    public static readonly KpiDefinition Spo2Mean = new(
        "spo2_mean", "%", "平均血氧", "Mean SpO2",
        "blood oxygen saturation, mean over the window's samples",
        KpiKind.Monitoring, [VitalsClassification], [Medical]);

    /// <summary><c>spo2_min</c>.</summary>
    public static readonly KpiDefinition Spo2Min = new(
        "spo2_min", "%", "最低血氧", "Minimum SpO2",
        "the lowest blood oxygen saturation sample in the window",
        KpiKind.Monitoring, [VitalsClassification], [Medical]);

    /// <summary><c>abnormal_share</c>.</summary>
    public static readonly KpiDefinition AbnormalShare = new(
        "abnormal_share", "", "异常占比", "Abnormal share",
        "share of the window's vital-sign windows classified abnormal (the simulation: samples outside its normal ranges)",
        KpiKind.Monitoring, [VitalsClassification], [Medical]);

    /// <summary><c>alert_count</c>.</summary>
    public static readonly KpiDefinition AlertCount = new(
        "alert_count", "", "告警次数", "Alerts",
        "abnormal episodes alerted in the window (a run of abnormal windows counts once)",
        KpiKind.Monitoring, [VitalsClassification], []);

    internal static IReadOnlyList<KpiDefinition> Definitions { get; } = [HeartRateMean, Spo2Mean, Spo2Min, AbnormalShare, AlertCount];
}
