namespace GzAiEdge.Mqtt;

/// <summary>The will message the broker publishes when the client vanishes without a normal DISCONNECT.</summary>
/// <param name="Topic">The will topic.</param>
/// <param name="Payload">The will payload.</param>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The will QoS; QoS 1 by default.</summary>
    public MqttQualityOfService Qos { get; init; } = MqttQualityOfService.AtLeastOnce;

    /// <summary>Whether the will is retained (the "offline" state topic is).</summary>
    public bool Retain { get; init; }

    /// <summary>MQTT 5 will delay interval: the broker waits this long for a reconnect before publishing the will.</summary>
    public uint DelayIntervalSeconds { get; init; }
}
