namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>A scenario's own threshold, target or weight for one KPI of its type; null keeps the type's value.</summary>
/// <param name="Key">KPI key; must be one of the type's KPIs.</param>
/// <param name="Threshold">Minimum acceptable value.</param>
/// <param name="Target">Value that earns full achievement.</param>
/// <param name="Weight">Weight in the score.</param>
/// <param name="Line">Line of the override in the catalogue, for errors.</param>
/// <param name="Reason">Why this scenario's threshold or target differs from its type's, in one line; required when either is given.</param>
public sealed record KpiOverride(string Key, double? Threshold, double? Target, double? Weight, long Line, string? Reason = null);
