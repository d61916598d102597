namespace GzAiEdge.Contracts.Commands;

/// <summary>
/// The <see cref="Messages.DeviceEvent.Code"/>s a device answers a command with, each carrying the command's id.
/// A command ends with exactly one final event: rejected (refused before anything changed), failed (could not be
/// carried out; nothing changed), rolled back (the change was made, failed its checks and was undone) or succeeded.
/// </summary>
public static class CommandEvents
{
    /// <summary>The command passed the device's checks and is being carried out.</summary>
    public const string Accepted = "command.accepted";

    /// <summary>The command was carried out.</summary>
    public const string Succeeded = "command.succeeded";

    /// <summary>The command could not be carried out; the device runs as before.</summary>
    public const string Failed = "command.failed";

    /// <summary>The command was refused (not for this device, expired, already run, not enabled, not allowed, invalid, bad signature).</summary>
    public const string Rejected = "command.rejected";

    /// <summary>The new model or configuration failed to load or failed its first inferences; the previous one runs again.</summary>
    public const string RolledBack = "command.rolled_back";

    /// <summary>Whether <paramref name="code"/> ends a command.</summary>
    public static bool IsFinal(string code) => code is Succeeded or Failed or Rejected or RolledBack;
}
