namespace GzAiEdge.Scenarios.Scoring;

/// <summary>What the gates are checked against; null means it could not be measured (the gate is then not evaluated).</summary>
/// <param name="Completeness">Received / expected reports, 0–1.</param>
/// <param name="Uptime">Share of time buckets with reports, 0–1.</param>
/// <param name="VerifiedShare">Share of reports whose evidence was verified, 0–1; null while evidence is not checked.</param>
/// <param name="Reports">Reports used for scoring.</param>
/// <param name="AuditFlags">The outcome of each audit flag over the audits used, as the <c>audit:{name}</c> gate it makes; the evaluation that holds the audits decides them.</param>
public sealed record GateMeasurements(double? Completeness, double? Uptime, double? VerifiedShare, long Reports, IReadOnlyList<GateResult>? AuditFlags = null);
