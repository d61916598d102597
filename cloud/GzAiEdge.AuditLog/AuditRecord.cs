namespace GzAiEdge.AuditLog;

/// <summary>One state-changing action, as the code that did it describes it.</summary>
/// <param name="Actor">Who: a user name, <c>device:{site}/{device}</c>, or <c>cli:{os user}</c> for the operator's command line.</param>
/// <param name="ActorKind">How they proved it: <c>password</c>, <c>oidc</c>, <c>token</c>, <c>device-token</c>, <c>local</c> or <c>anonymous</c>.</param>
/// <param name="Action">What, as <c>area.verb</c>: <c>command.send</c>, <c>alert.acknowledge</c>, <c>signin.failed</c>, …</param>
/// <param name="Target">What it was done to: a device, an alert id, a user, a token id, a scenario.</param>
/// <param name="Outcome"><see cref="AuditOutcomes.Done"/>, <see cref="AuditOutcomes.Refused"/> or <see cref="AuditOutcomes.Failed"/>.</param>
/// <param name="From">Where from: the client's address, or <c>local</c>.</param>
/// <param name="Details">Anything else worth keeping (never a password or a token).</param>
public sealed record AuditRecord(string Actor, string ActorKind, string Action, string Target, string Outcome, string From, string? Details = null);

/// <summary>A stored record: its place in the chain, its time, and the hashes that link it to the one before.</summary>
/// <param name="Seq">1, 2, 3 … without gaps: a missing number is a deleted record.</param>
/// <param name="Time">When it was appended (UTC).</param>
/// <param name="Record">What was recorded.</param>
/// <param name="Prev">The previous entry's hash (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 over <paramref name="Prev"/> and this entry's canonical bytes (<see cref="AuditHash"/>).</param>
public sealed record AuditEntry(long Seq, DateTimeOffset Time, AuditRecord Record, string Prev, string Hash);

/// <summary>The outcomes an audit record may name.</summary>
public static class AuditOutcomes
{
    public const string Done = "done";
    public const string Refused = "refused";
    public const string Failed = "failed";
}
