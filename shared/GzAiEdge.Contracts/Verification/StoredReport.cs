using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Verification;

/// <summary>A report as read back from storage, with the hash ingestion computed over what it received.</summary>
/// <param name="Report">The report rebuilt from the stored fields.</param>
/// <param name="ReceivedHash">SHA-256 of the canonical bytes of the report that arrived; null when not stored.</param>
public sealed record StoredReport(KpiReport Report, string? ReceivedHash);
