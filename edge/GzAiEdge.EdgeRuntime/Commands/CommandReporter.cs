using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Publishing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// Answers commands with <see cref="DeviceEvent"/>s carrying the command id. They go through the outbox, so they
/// are published in order with the reports and reach the cloud even if the broker is away at the moment.
/// </summary>
public sealed class CommandReporter(IOptions<EdgeOptions> edge, Outbox outbox, TimeProvider time, ILogger<CommandReporter> logger)
{
    public void Accepted(string commandId, string message) => Report(commandId, CommandEvents.Accepted, message);

    public void Report(string? commandId, CommandResult result) => Report(commandId, result.Code, result.Message);

    private void Report(string? commandId, string code, string message)
    {
        EdgeLog.CommandReported(logger, commandId, code, message);
        try
        {
            outbox.AppendEvent(new DeviceEvent
            {
                V = ContractVersion.Current,
                Site = edge.Value.Site,
                Device = edge.Value.Device,
                Time = time.GetUtcNow(),
                Level = code is CommandEvents.Accepted or CommandEvents.Succeeded ? "info" : "warning",
                Code = code,
                Message = message,
                CommandId = commandId,
            });
        }
        catch (SqliteException ex)
        {
            EdgeLog.EventNotStored(logger, code, commandId, ex.Message);
        }
    }
}
