using GzAiEdge.Contracts.Commands;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>How a command ended: one of the final <see cref="CommandEvents"/> codes and what happened, in words.</summary>
public sealed record CommandResult(string Code, string Message)
{
    public static CommandResult Succeeded(string message) => new(CommandEvents.Succeeded, message);

    public static CommandResult Failed(string message) => new(CommandEvents.Failed, message);

    public static CommandResult Rejected(string message) => new(CommandEvents.Rejected, message);

    public static CommandResult RolledBack(string message) => new(CommandEvents.RolledBack, message);
}
