namespace GzAiEdge.Contracts.Messages;

/// <summary>Retained online/offline state; the broker publishes the offline one as the last will.</summary>
public sealed record DeviceState : IDeviceMessage
{
    /// <summary>The state value of a connected device.</summary>
    public const string Online = "online";

    /// <summary>The state value of a device that stopped or vanished.</summary>
    public const string Offline = "offline";

    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>Site id.</summary>
    public required string Site { get; init; }

    /// <summary>Device id.</summary>
    public required string Device { get; init; }

    /// <summary><see cref="Online"/> or <see cref="Offline"/>.</summary>
    public required string State { get; init; }

    /// <summary>When the state was set (UTC); for a will, when the device connected.</summary>
    public required DateTimeOffset Time { get; init; }
}
