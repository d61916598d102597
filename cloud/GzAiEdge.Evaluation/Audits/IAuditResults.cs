namespace GzAiEdge.Evaluation.Audits;

/// <summary>
/// Where evaluation gets a scenario's accuracy from (EVALUATION.md, "Audit runs"): the latest valid audit of each
/// listed device in the period, each metric with its 95% confidence interval, and the integrity flags a rubric may gate
/// on. Only a device's part that was answered, verified (signed by the device, bound to its nonce, in time) and scored
/// completely is valid; a device without one is simply absent from the answer (its accuracy KPIs are missing).
/// </summary>
public interface IAuditResults
{
    /// <summary>
    /// For each of <paramref name="devices"/> that has one, the latest valid audit of <paramref name="scenario"/> answered
    /// in [<paramref name="from"/>, <paramref name="to"/>); at most one entry per device, in the order of <paramref name="devices"/>.
    /// </summary>
    Task<IReadOnlyList<DeviceAudit>> LatestValidAsync(
        string scenario, IReadOnlyList<(string Site, string Device)> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>No audit store wired (an evaluation run without one): no device has an audit, so every accuracy KPI is missing.</summary>
public sealed class NoAuditResults : IAuditResults
{
    public Task<IReadOnlyList<DeviceAudit>> LatestValidAsync(
        string scenario, IReadOnlyList<(string Site, string Device)> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeviceAudit>>([]);
}
