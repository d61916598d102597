namespace GzAiEdge.AuditLog;

/// <summary>Which entries to list, newest first: each filter is exact, null means any.</summary>
public sealed record AuditQuery(string? Actor, string? Action, string? Target, DateTimeOffset? From, DateTimeOffset? To, int Offset, int Limit);

/// <summary>What checking the chain found.</summary>
/// <param name="Entries">Entries read.</param>
/// <param name="Intact">True when every number follows the one before and every hash matches.</param>
/// <param name="FirstBroken">The first entry that does not fit, when one does not.</param>
/// <param name="Problem">What is wrong with it.</param>
/// <param name="HeadSeq">The last entry's number (0 when empty).</param>
/// <param name="HeadHash">The last entry's hash (the genesis value when empty).</param>
public sealed record AuditChainCheck(long Entries, bool Intact, long? FirstBroken, string? Problem, long HeadSeq, string HeadHash);
