namespace GzAiEdge.Scenarios.Scoring;

/// <summary>What the gates are checked against; null means it could not be measured (the gate is then not evaluated).</summary>
/// <param name="Completeness">Received / expected reports, 0–1.</param>
/// <param name="Uptime">Share of time buckets with reports, 0–1.</param>
/// <param name="VerifiedShare">Share of reports whose evidence was verified, 0–1; null while evidence is not checked.</param>
/// <param name="Reports">Reports used for scoring.</param>
public sealed record GateMeasurements(double? Completeness, double? Uptime, double? VerifiedShare, long Reports);
