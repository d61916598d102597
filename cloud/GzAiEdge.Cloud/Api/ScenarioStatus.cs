namespace GzAiEdge.Cloud.Api;

/// <summary>A scenario's status at a glance, worst first.</summary>
public enum ScenarioStatus
{
    Alert,
    Offline,
    Ok,
    NoData,
}

public static class ScenarioStatuses
{
    public static IReadOnlyList<ScenarioStatus> All { get; } = Enum.GetValues<ScenarioStatus>();

    /// <summary>
    /// An active alert outranks everything; a scenario whose devices are all offline is offline;
    /// one no device has reported for yet has no data.
    /// </summary>
    public static ScenarioStatus Of(int devices, int online, int activeAlerts) =>
        activeAlerts > 0 ? ScenarioStatus.Alert
        : devices == 0 ? ScenarioStatus.NoData
        : online == 0 ? ScenarioStatus.Offline
        : ScenarioStatus.Ok;

    public static string Text(this ScenarioStatus status) => status switch
    {
        ScenarioStatus.Alert => "alert",
        ScenarioStatus.Offline => "offline",
        ScenarioStatus.Ok => "ok",
        _ => "no-data",
    };
}
