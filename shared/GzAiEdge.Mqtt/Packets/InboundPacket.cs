namespace GzAiEdge.Mqtt.Packets;

/// <summary>One decoded packet from the broker. A struct so that acknowledgements cost no allocation.</summary>
internal readonly struct InboundPacket
{
    public MqttPacketType Type { get; init; }

    public ushort PacketId { get; init; }

    public MqttReasonCode ReasonCode { get; init; }

    /// <summary>CONNACK: the session-present flag.</summary>
    public bool SessionPresent { get; init; }

    /// <summary>PUBLISH: the message (default for other packets).</summary>
    public MqttReceivedMessage Message { get; init; }

    /// <summary>SUBACK / UNSUBACK: one reason code per topic filter.</summary>
    public IReadOnlyList<MqttReasonCode>? ReasonCodes { get; init; }

    public PacketProperties Properties { get; init; }
}
