using GzAiEdge.Access;
using GzAiEdge.AuditLog;
using GzAiEdge.Audits;
using GzAiEdge.DeviceManagement.Commands;
using GzAiEdge.DeviceManagement.Models;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Evidence;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.FieldAudits;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Monitoring.Alerts;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Cli.Operations;

/// <summary>What a backup holds of a store: a SQLite database (copied consistently), a folder, or one file.</summary>
internal enum StoreKind
{
    Sqlite,
    Folder,
    File,
}

/// <summary>
/// One store of the cloud: its name in a backup, the configuration key that places it, its default (taken from the options
/// record, so the default is defined once), and for a store inside a folder the file name within it.
/// </summary>
internal sealed record CloudStore(string Name, StoreKind Kind, string Key, string? Default, string? Within = null)
{
    /// <summary>Where the cloud with <paramref name="configuration"/> keeps it, or null when it is not configured.</summary>
    public string? PathIn(IConfiguration configuration) =>
        (configuration[Key] ?? Default) is { Length: > 0 } path ? Path.GetFullPath(Within is null ? path : Path.Combine(path, Within)) : null;
}

/// <summary>
/// Every store of the cloud that a backup must hold, in one list: <c>gz backup</c> and <c>gz restore</c> read nothing else.
/// A new store is one line here.
/// </summary>
internal static class CloudStores
{
    public static readonly IReadOnlyList<CloudStore> All =
    [
        new("dead-letters", StoreKind.Sqlite, $"{DeadLetterOptions.Section}:{nameof(DeadLetterOptions.Path)}", new DeadLetterOptions().Path),
        new("alerts", StoreKind.Sqlite, $"{AlertOptions.Section}:{nameof(AlertOptions.StorePath)}", new AlertOptions().StorePath),
        new("access", StoreKind.Sqlite, $"{AccessOptions.Section}:{nameof(AccessOptions.StorePath)}", new AccessOptions().StorePath),
        new("audit-log", StoreKind.Sqlite, $"{AuditLogOptions.Section}:{nameof(AuditLogOptions.Path)}", new AuditLogOptions().Path),
        new("audits", StoreKind.Sqlite, $"{AuditsOptions.Section}:{nameof(AuditsOptions.Path)}", new AuditsOptions().Path, "audits.db"),
        new("audit-blobs", StoreKind.Folder, $"{AuditsOptions.Section}:{nameof(AuditsOptions.Path)}", new AuditsOptions().Path, "blobs"),
        new("field-audits", StoreKind.Sqlite, $"{FieldAuditsOptions.Section}:{nameof(FieldAuditsOptions.Path)}", new FieldAuditsOptions().Path, "field-audits.db"),
        new("field-audit-inputs", StoreKind.Folder, $"{FieldAuditsOptions.Section}:{nameof(FieldAuditsOptions.Path)}", new FieldAuditsOptions().Path, "blobs"),
        new("published-leaderboards", StoreKind.Sqlite, $"{EvaluationOptions.Section}:{nameof(EvaluationOptions.PublishedPath)}", new EvaluationOptions().PublishedPath),
        new("evidence-spans", StoreKind.Sqlite, $"{EvidenceOptions.Section}:{nameof(EvidenceOptions.SpansPath)}", new EvidenceOptions().SpansPath),
        new("models", StoreKind.Folder, $"{ModelsOptions.Section}:{nameof(ModelsOptions.Path)}", new ModelsOptions().Path),
        new("device-keys", StoreKind.File, $"{VerificationOptions.Section}:{nameof(VerificationOptions.KeyRegistryPath)}", new VerificationOptions().KeyRegistryPath),
        new("programme-public-key", StoreKind.File, $"{ModelsOptions.Section}:{nameof(ModelsOptions.ProgrammeKeyFile)}", null),
    ];

    /// <summary>The command key is private: a backup keeps only its public half (the private one stays in the operator's secret store).</summary>
    public static readonly string CommandKey = $"{CommandSigningOptions.Section}:{nameof(CommandSigningOptions.SigningKeyFile)}";
}
