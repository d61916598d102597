namespace GzAiEdge.Mqtt;

/// <summary>A PUBLISH received from the broker.</summary>
public sealed class MqttReceivedMessage
{
    internal MqttReceivedMessage(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos, bool retain,
        bool duplicate, ushort packetId)
    {
        Topic = topic;
        Payload = payload;
        Qos = qos;
        Retain = retain;
        Duplicate = duplicate;
        PacketId = packetId;
    }

    /// <summary>The topic the message was published to.</summary>
    public string Topic { get; }

    /// <summary>The payload; owned by this message.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The quality of service the broker delivered the message with.</summary>
    public MqttQualityOfService Qos { get; }

    /// <summary>Whether the message is a retained message sent on subscribe.</summary>
    public bool Retain { get; }

    /// <summary>The DUP flag: the broker may have sent this message before.</summary>
    public bool Duplicate { get; }

    /// <summary>MQTT 5 content type.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>MQTT 5 user properties, empty when there are none.</summary>
    public IReadOnlyList<MqttUserProperty> UserProperties { get; internal set; } = [];

    internal ushort PacketId { get; }

    /// <summary>The connection the message arrived on; a PUBACK on another connection would acknowledge the wrong message.</summary>
    internal long Generation { get; set; }

    /// <summary>Position in the connection's receive order, used to send manual PUBACKs in order [MQTT-4.6.0-2].</summary>
    internal long Sequence { get; set; }
}
