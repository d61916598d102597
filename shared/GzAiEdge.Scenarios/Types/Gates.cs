namespace GzAiEdge.Scenarios.Types;

/// <summary>Conditions a demonstration must meet to be ranked at all; null means the type sets no such gate.</summary>
/// <param name="MinCompleteness">Received / expected reports (from the per-device <c>seq</c>), 0–1.</param>
/// <param name="MinUptime">Share of the period's time buckets in which each device reported, 0–1.</param>
/// <param name="MinVerifiedShare">Share of reports whose signature chain was verified, 0–1.</param>
/// <param name="MinReports">Reports used for scoring, at least.</param>
/// <param name="AuditFlags">
/// Integrity flags (by name) that must have passed on every audit the scenario's accuracy KPIs come from: one gate each,
/// <c>audit:{name}</c>; null or empty when the type gates on none.
/// </param>
public sealed record Gates(double? MinCompleteness, double? MinUptime, double? MinVerifiedShare, long? MinReports, IReadOnlyList<string>? AuditFlags = null);
