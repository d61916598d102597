using GzAiEdge.Evaluation.Audits;

namespace GzAiEdge.Evaluation.Tests.Support;

/// <summary>
/// Audit results a test states, answered the way the audit store answers (<see cref="IAuditResults"/>): for each listed
/// device, the latest of its audits answered in the period. It stands in for the store in tests of the evaluation only;
/// the audits themselves are tested where they are made.
/// </summary>
internal sealed class FixedAudits(params DeviceAudit[] audits) : IAuditResults
{
    public Task<IReadOnlyList<DeviceAudit>> LatestValidAsync(
        string scenario, IReadOnlyList<(string Site, string Device)> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeviceAudit>>(
        [
            .. devices.Select(d => audits.Where(a => a.Site == d.Site && a.Device == d.Device && a.Answered >= from && a.Answered < to).MaxBy(a => a.Answered))
                .OfType<DeviceAudit>(),
        ]);

    /// <summary>An audit of the traffic detector with these metrics (value, low, high) and every flag passed unless <paramref name="flags"/> says otherwise.</summary>
    public static DeviceAudit Traffic(string id, string site, string device, DateTimeOffset answered, (double, double, double) recall, (double, double, double) precision,
        (double, double, double) ap50, params AuditFlag[] flags) => new(
        site, device, id, "traffic-detection", new AuditTestSet("gz-traffic", "1", new string('c', 64)), answered.AddMinutes(-1), answered,
        new AuditModel("yolo", "1.1", new string('a', 64)),
        new Dictionary<string, AuditMetric>
        {
            ["audit_detection_recall"] = Metric(recall),
            ["audit_detection_precision"] = Metric(precision),
            ["audit_detection_ap50"] = Metric(ap50),
        },
        [.. AuditFlags.All.Select(name => flags.FirstOrDefault(f => f.Name == name) ?? new AuditFlag(name, true, "held"))]);

    /// <summary>An audit of <paramref name="pipeline"/> with these metrics (by <c>audit_*</c> key) and every flag passed.</summary>
    public static DeviceAudit Of(string id, string site, string device, string pipeline, DateTimeOffset answered, IReadOnlyDictionary<string, AuditMetric> metrics) => new(
        site, device, id, pipeline, new AuditTestSet($"gz-{pipeline}", "1", new string('c', 64)), answered.AddMinutes(-1), answered,
        new AuditModel("model", "1.0", new string('a', 64)), metrics, [.. AuditFlags.All.Select(name => new AuditFlag(name, true, "held"))]);

    private static AuditMetric Metric((double Value, double Low, double High) m) => new(m.Value, m.Low, m.High, 100);
}
