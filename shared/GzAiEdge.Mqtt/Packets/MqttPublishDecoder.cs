namespace GzAiEdge.Mqtt.Packets;

/// <summary>Decodes PUBLISH (MQTT 5.0 section 3.3): the hot path, so only topic, payload and message are allocated.</summary>
internal static class MqttPublishDecoder
{
    public static InboundPacket Decode(int flags, ref PacketReader reader, bool v5, ulong allowedProperties)
    {
        var duplicate = (flags & 0x08) != 0;
        var qos = (flags >> 1) & 0x03;
        if (qos == 3)
        {
            throw PacketReader.Malformed("PUBLISH with QoS 3 [MQTT-3.3.1-4]");
        }

        if (duplicate && qos == 0)
        {
            throw PacketReader.Malformed("PUBLISH with QoS 0 has DUP set [MQTT-3.3.1-2]");
        }

        var topic = reader.ReadString();
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new MqttProtocolException(MqttReasonCode.TopicNameInvalid, $"PUBLISH topic '{topic}' contains a wildcard [MQTT-3.3.2-2]");
        }

        ushort packetId = qos > 0 ? MqttPacketDecoder.ReadPacketId(ref reader) : (ushort)0;
        var properties = v5 ? PacketProperties.Read(ref reader, allowedProperties) : default;

        // We announce no Topic Alias Maximum, so the broker must not use aliases [MQTT-3.3.2-9].
        if (properties.TopicAlias is not null)
        {
            throw new MqttProtocolException(MqttReasonCode.TopicAliasInvalid, "PUBLISH uses a topic alias the client did not allow");
        }

        if (topic.Length == 0)
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, "PUBLISH has an empty topic and no alias [MQTT-3.3.2-1]");
        }

        var message = new MqttReceivedMessage(topic, reader.ReadRest().ToArray(), (MqttQualityOfService)qos,
            (flags & 0x01) != 0, duplicate, packetId)
        {
            ContentType = properties.ContentType,
        };
        if (properties.UserProperties is not null)
        {
            message.UserProperties = properties.UserProperties;
        }

        return new InboundPacket { Type = MqttPacketType.Publish, PacketId = packetId, Message = message };
    }
}
