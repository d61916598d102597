namespace GzAiEdge.Contracts.Messages;

/// <summary>Something that happened on a device, for people to read.</summary>
public sealed record DeviceEvent : IDeviceMessage
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>Site id.</summary>
    public required string Site { get; init; }

    /// <summary>Device id.</summary>
    public required string Device { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public required string Level { get; init; }

    /// <summary>A stable machine-readable code, e.g. <c>pipeline.started</c>.</summary>
    public required string Code { get; init; }

    /// <summary>What happened, in words.</summary>
    public required string Message { get; init; }

    /// <summary>The id of the <see cref="DeviceCommand"/> this event answers (codes <c>command.*</c>); null for other events.</summary>
    public string? CommandId { get; init; }
}
