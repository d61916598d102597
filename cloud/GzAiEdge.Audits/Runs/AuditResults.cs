using GzAiEdge.Evaluation.Audits;

namespace GzAiEdge.Audits.Runs;

/// <summary>
/// Evaluation's view of audits (<see cref="IAuditResults"/>): for each listed device, its latest scored part of an audit
/// of the scenario answered in the period, with the metrics scored then and the integrity flags as stored data says now.
/// </summary>
public sealed class AuditResults(AuditStore audits, IntegrityFlags flags) : IAuditResults
{
    public async Task<IReadOnlyList<DeviceAudit>> LatestValidAsync(
        string scenario, IReadOnlyList<(string Site, string Device)> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var results = new List<DeviceAudit>();
        foreach (var (site, device) in devices)
        {
            if (audits.LatestScored(scenario, site, device, from, to) is var (audit, part) && part.Result is { } result)
            {
                results.Add(new DeviceAudit(site, device, audit.Id, audit.Pipeline, new AuditTestSet(audit.TestSet, audit.Version, audit.TestSetSha256),
                    audit.Started, part.Answered!.Value, result.Model, result.Metrics, await flags.ForAsync(audit, part, result, cancellationToken)));
            }
        }

        return results;
    }
}
