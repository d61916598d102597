namespace GzAiEdge.Monitoring.Alerts;

/// <summary>Which side of the threshold is bad.</summary>
public enum AlertDirection
{
    Above,
    Below,
}

/// <summary>A KPI beyond its threshold for <paramref name="Windows"/> consecutive report windows.</summary>
/// <param name="Target">The value the scenario aims for; shown as a line on charts, not alerted on.</param>
public sealed record KpiAlertRule(string Id, string Kpi, AlertDirection Direction, double Threshold, int Windows, double? Target)
{
    public bool IsBreachedBy(double value) => Direction == AlertDirection.Above ? value > Threshold : value < Threshold;
}

/// <summary>The alert rules of one scenario type.</summary>
/// <param name="Offline">A device offline longer than this raises an alert (null: no such rule).</param>
/// <param name="CompletenessBelow">A device whose completeness drops below this raises an alert (null: no such rule).</param>
public sealed record ScenarioTypeRules(string Type, IReadOnlyList<KpiAlertRule> Kpis, TimeSpan? Offline, double? CompletenessBelow)
{
    public string OfflineRuleId => $"{Type}/offline";

    public string CompletenessRuleId => $"{Type}/completeness";
}

/// <summary>Alert rules by scenario type id (firmware-configs/alerts/rules.yaml).</summary>
public sealed class AlertRuleSet(IEnumerable<ScenarioTypeRules> types)
{
    /// <summary>Completeness is judged only after this many reports, so that a device's first gap is not 50 %.</summary>
    public const int CompletenessMinReports = 10;

    private readonly Dictionary<string, ScenarioTypeRules> _byType = types.ToDictionary(t => t.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<ScenarioTypeRules> All => _byType.Values;

    public ScenarioTypeRules? For(string scenarioType) => _byType.GetValueOrDefault(scenarioType);
}
