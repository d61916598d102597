namespace GzAiEdge.Evaluation.Audits;

/// <summary>One device's valid part of an audit run, as evaluation and reports use it.</summary>
/// <param name="Site">Site id of the device.</param>
/// <param name="Device">Device id.</param>
/// <param name="AuditId">The audit run (32 hex digits), as <c>GET /api/v1/audits/{id}</c> shows it.</param>
/// <param name="Pipeline">The pipeline audited (<c>traffic-detection</c>, …).</param>
/// <param name="TestSet">The sealed test set it ran.</param>
/// <param name="Started">When the audit was started (UTC).</param>
/// <param name="Answered">When the device's answer was accepted (UTC); the audit's date.</param>
/// <param name="Model">The model the device ran the items through, as its signed answer names it.</param>
/// <param name="Metrics">Metric by KPI catalogue key (<c>audit_detection_ap50</c>, …): the keys of the pipeline audited.</param>
/// <param name="Flags">The integrity flags (<see cref="AuditFlags"/>), each usable as a gate.</param>
public sealed record DeviceAudit(
    string Site,
    string Device,
    string AuditId,
    string Pipeline,
    AuditTestSet TestSet,
    DateTimeOffset Started,
    DateTimeOffset Answered,
    AuditModel Model,
    IReadOnlyDictionary<string, AuditMetric> Metrics,
    IReadOnlyList<AuditFlag> Flags);

/// <summary>A sealed test set: name, version and the SHA-256 of its inputs as imported.</summary>
public sealed record AuditTestSet(string Name, string Version, string Sha256);

/// <summary>The model an answer was made with.</summary>
public sealed record AuditModel(string Name, string Version, string Sha256);

/// <summary>A metric's value on the test set and its 95% confidence interval (percentile bootstrap over items, fixed seed).</summary>
/// <param name="Value">The value on all items.</param>
/// <param name="Low">Lower end of the 95% interval.</param>
/// <param name="High">Upper end of the 95% interval.</param>
/// <param name="Items">Items (images, windows, series) the value was computed over.</param>
public sealed record AuditMetric(double Value, double Low, double High, int Items);

/// <summary>One integrity check of an audit.</summary>
/// <param name="Name">One of <see cref="AuditFlags"/>.</param>
/// <param name="Passed">True when the check held, false when it failed, null when it could not be checked (the detail says why).</param>
/// <param name="Detail">What was compared, in words.</param>
public sealed record AuditFlag(string Name, bool? Passed, string Detail);
