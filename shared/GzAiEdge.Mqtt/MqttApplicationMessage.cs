namespace GzAiEdge.Mqtt;

/// <summary>A message to publish. A value, so that publishing allocates nothing of its own.</summary>
/// <param name="Topic">The topic name; must not contain wildcards.</param>
/// <param name="Payload">The payload bytes; the client does not copy them, so keep them unchanged until the publish completes.</param>
public readonly record struct MqttApplicationMessage(string Topic, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The quality of service; QoS 1 by default.</summary>
    public MqttQualityOfService Qos { get; init; } = MqttQualityOfService.AtLeastOnce;

    /// <summary>Whether the broker keeps the message as the topic's retained message.</summary>
    public bool Retain { get; init; }

    /// <summary>MQTT 5 content type (ignored in 3.1.1).</summary>
    public string? ContentType { get; init; }

    /// <summary>MQTT 5 user properties (ignored in 3.1.1).</summary>
    public IReadOnlyList<MqttUserProperty>? UserProperties { get; init; }

    /// <summary>MQTT 5 message expiry interval in seconds (ignored in 3.1.1).</summary>
    public uint? MessageExpiryIntervalSeconds { get; init; }
}
