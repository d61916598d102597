namespace GzAiEdge.Evaluation.Audits;

/// <summary>
/// The evaluation's port to audit runs (EVALUATION.md, Audit runs): for each listed device, the latest valid audit in
/// a period, whose metrics feed the scenario's accuracy KPIs. "Valid" is the audit side's word: the run completed,
/// its answer was accepted (signed, on time, bound to its nonce) and scored. What is wrong with a valid audit is said
/// by its flags, which the evaluation shows.
/// </summary>
public interface IAuditResults
{
    /// <summary>
    /// The latest valid audit of each of <paramref name="devices"/> that completed in [<paramref name="from"/>,
    /// <paramref name="to"/>); a device without one is left out of the answer.
    /// </summary>
    Task<IReadOnlyList<AuditResult>> LatestValidAsync(string scenario, IReadOnlyList<AuditedDevice> devices, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken);
}

/// <summary>A device by site and id.</summary>
public sealed record AuditedDevice(string Site, string Device);

/// <summary>One valid audit run of one device.</summary>
/// <param name="Id">The audit's id.</param>
/// <param name="Site">The audited device's site.</param>
/// <param name="Device">The audited device.</param>
/// <param name="TestSet">The sealed test set it ran.</param>
/// <param name="Completed">When its answer was accepted (UTC).</param>
/// <param name="ModelSha256">SHA-256 of the model the device ran the items through.</param>
/// <param name="Metrics">Metrics by KPI catalogue key (<c>audit_*</c>), each with its 95% confidence interval.</param>
/// <param name="Flags">The integrity checks, each by name, raised or not.</param>
public sealed record AuditResult(
    string Id,
    string Site,
    string Device,
    AuditTestSet TestSet,
    DateTimeOffset Completed,
    string ModelSha256,
    IReadOnlyDictionary<string, AuditMetric> Metrics,
    IReadOnlyList<AuditFlag> Flags);

/// <summary>A sealed test set by name, version and the SHA-256 of its inputs.</summary>
public sealed record AuditTestSet(string Name, string Version, string Sha256);

/// <summary>A metric's value and its 95% confidence interval (bootstrap over items, fixed seed).</summary>
public sealed record AuditMetric(double Value, double Low, double High);

/// <summary>One integrity check of an audit.</summary>
/// <param name="Name">The check, e.g. that the audited model is the one in the field reports.</param>
/// <param name="Raised">True when the check found something wrong.</param>
/// <param name="Detail">What it found, in words.</param>
public sealed record AuditFlag(string Name, bool Raised, string Detail);

/// <summary>No audit store wired: every device has no audit, so accuracy KPIs are missing and results provisional, never passed.</summary>
public sealed class NoAuditResults : IAuditResults
{
    public Task<IReadOnlyList<AuditResult>> LatestValidAsync(string scenario, IReadOnlyList<AuditedDevice> devices, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AuditResult>>([]);
}
