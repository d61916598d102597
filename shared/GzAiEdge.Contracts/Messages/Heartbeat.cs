namespace GzAiEdge.Contracts.Messages;

/// <summary>Periodic device health.</summary>
public sealed record Heartbeat : IDeviceMessage
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>Site id.</summary>
    public required string Site { get; init; }

    /// <summary>Device id.</summary>
    public required string Device { get; init; }

    /// <summary>When the heartbeat was taken (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Seconds since the worker started.</summary>
    public required long UptimeSeconds { get; init; }

    /// <summary>The last KPI report sequence number built.</summary>
    public required long LastSeq { get; init; }

    /// <summary>Reports built but not yet acknowledged by the broker.</summary>
    public long? OutboxDepth { get; init; }

    /// <summary>Reports the outbox evicted to stay within its bounds, in total since the device was set up.</summary>
    public long? OutboxEvicted { get; init; }

    /// <summary>Inputs the evidence ring holds now (null when the device keeps no evidence).</summary>
    public long? EvidenceHeld { get; init; }

    /// <summary>Bytes the evidence ring's files take now.</summary>
    public long? EvidenceBytes { get; init; }

    /// <summary>Inputs the evidence ring evicted (oldest first, to stay within its size and age) since the worker started.</summary>
    public long? EvidenceEvicted { get; init; }

    /// <summary>CPU, memory, disk, temperatures, inference rate and camera; absent from devices that do not report them.</summary>
    public DeviceHealth? Health { get; init; }
}
