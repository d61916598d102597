using GzAiEdge.Contracts.Commands;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Audits.Runs;

/// <summary>
/// Ends the pending parts whose fate is known: a device that refused or could not finish the run said so in an event
/// answering the audit's command (failed); past the deadline, a part with only rejected answers is rejected, one whose
/// device was offline then (or never reported a state) is offline, and any other expired. Run whenever audits are read,
/// so nobody waits for a sweeper; a part InfluxDB cannot be asked about stays pending until it can.
/// </summary>
public sealed class PartResolver(AuditStore audits, DeviceEventReader events, AuditFieldReader field, TimeProvider time, ILogger<PartResolver> logger)
{
    /// <summary>The parts of <paramref name="audit"/>, with those that could be ended ended.</summary>
    public async Task<IReadOnlyList<PartRecord>> ResolveAsync(AuditRecord audit, CancellationToken cancellationToken)
    {
        var parts = audits.Parts(audit.Id);
        if (parts.All(p => p.State != PartStates.Pending))
        {
            return parts;
        }

        foreach (var part in parts.Where(p => p.State == PartStates.Pending))
        {
            try
            {
                if (await EndingAsync(audit, part, cancellationToken) is var (state, reason) && audits.End(part, state, reason))
                {
                    AuditLog.Ended(logger, audit.Id, part.Site, part.Device, state, reason);
                }
            }
            catch (InfluxDbUnavailableException)
            {
                // Unknown for now: the part stays pending and is looked at again on the next read.
            }
        }

        return audits.Parts(audit.Id);
    }

    private async Task<(string State, string Reason)?> EndingAsync(AuditRecord audit, PartRecord part, CancellationToken cancellationToken)
    {
        var answers = await events.LatestAsync(part.Site, part.Device, part.Command, 20, cancellationToken);
        if (answers.FirstOrDefault(e => e.Code is CommandEvents.Failed or CommandEvents.Rejected or CommandEvents.RolledBack) is { } refusal)
        {
            return (PartStates.Failed, $"the device answered {refusal.Code}: {refusal.Message}");
        }

        if (time.GetUtcNow() <= audit.Deadline)
        {
            return null;
        }

        if (audits.Answers(audit.Id, part.Site, part.Device).LastOrDefault(a => !a.Accepted) is { } rejected)
        {
            return (PartStates.Rejected, $"no valid answer by the deadline {audit.Deadline:O}; the last one was rejected: {rejected.Reason}");
        }

        var state = await field.LastStateAsync(part.Site, part.Device, audit.Deadline, cancellationToken);
        return state is null or "offline"
            ? (PartStates.Offline, $"no answer by the deadline {audit.Deadline:O}; the device was {(state is null ? "never seen online" : "offline")} then")
            : (PartStates.Expired, $"no answer by the deadline {audit.Deadline:O}, though the device was {state}");
    }
}
