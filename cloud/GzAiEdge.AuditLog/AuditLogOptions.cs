namespace GzAiEdge.AuditLog;

/// <summary>Where the audit trail is kept (configuration section <c>AuditLog</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record AuditLogOptions
{
    public const string Section = "AuditLog";

    /// <summary>The SQLite file; the command line's <c>gz user</c> and <c>gz token</c> append to the same file.</summary>
    public string Path { get; set; } = "audit-log.db";
}
