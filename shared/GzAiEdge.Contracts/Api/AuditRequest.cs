namespace GzAiEdge.Contracts.Api;

/// <summary>The body of <c>POST /api/v1/audits</c>: audit a scenario's listed devices (or one of them) on a test set.</summary>
/// <param name="Scenario">The scenario id in the catalogue.</param>
/// <param name="TestSet">The test set, <c>name</c> (its latest version) or <c>name@version</c>.</param>
/// <param name="Site">Only the devices of this site; null for every listed site.</param>
/// <param name="Device">Only this device; null for every listed device.</param>
/// <param name="DeadlineMinutes">Minutes the devices have to answer; null for the cloud's default (<c>Audits:DeadlineMinutes</c>).</param>
public sealed record AuditRequest(string? Scenario, string? TestSet, string? Site = null, string? Device = null, int? DeadlineMinutes = null);
