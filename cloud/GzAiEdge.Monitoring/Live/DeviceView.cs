using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Monitoring.Live;

/// <summary>What the cloud knows about one device, from its retained state, heartbeats and reports.</summary>
/// <param name="State"><c>online</c>, <c>offline</c> (its own or its last will) or <c>unknown</c>.</param>
/// <param name="StateSince">When the device set that state.</param>
/// <param name="Scenario">The scenario of its latest report.</param>
/// <param name="Completeness">Reports received / sequence numbers spanned since this instance first saw the device.</param>
/// <param name="Health">The health its latest heartbeat carried (CPU, memory, disk, temperatures, inference rate, camera).</param>
public sealed record DeviceView(
    string Site,
    string Device,
    string State,
    DateTimeOffset? StateSince,
    DateTimeOffset? LastHeartbeat,
    long? UptimeSeconds,
    long? LastSeq,
    long? OutboxDepth,
    string? Scenario,
    string? ModelName,
    string? ModelVersion,
    DateTimeOffset? LastReport,
    IReadOnlyDictionary<string, double>? LatestKpis,
    long ReportsReceived,
    double? Completeness,
    DeviceHealth? Health);
