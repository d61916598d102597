namespace GzAiEdge.Mqtt;

/// <summary>What the broker answered in CONNACK.</summary>
/// <param name="SessionPresent">Whether the broker resumed a stored session.</param>
/// <param name="ReasonCode">The CONNACK reason code (always below 0x80 here: refusals throw).</param>
/// <param name="ServerReceiveMaximum">How many QoS 1/2 publishes the broker accepts unacknowledged; 65535 when not announced.</param>
public sealed record MqttConnectResult(bool SessionPresent, MqttReasonCode ReasonCode, ushort ServerReceiveMaximum)
{
    /// <summary>The highest QoS the broker supports.</summary>
    public MqttQualityOfService MaximumQos { get; init; } = MqttQualityOfService.ExactlyOnce;

    /// <summary>Whether the broker supports retained messages.</summary>
    public bool RetainAvailable { get; init; } = true;

    /// <summary>The largest packet the broker accepts, or null when unlimited.</summary>
    public uint? MaximumPacketSize { get; init; }

    /// <summary>The client id the broker assigned when the client sent an empty one.</summary>
    public string? AssignedClientIdentifier { get; init; }

    /// <summary>The keep-alive the broker imposes instead of ours [MQTT-3.2.2-21].</summary>
    public ushort? ServerKeepAliveSeconds { get; init; }

    /// <summary>The session expiry the broker imposes instead of ours.</summary>
    public uint? SessionExpiryIntervalSeconds { get; init; }

    /// <summary>The broker's human-readable reason string.</summary>
    public string? ReasonString { get; init; }
}
