using System.Buffers;
using System.Text.Unicode;
using GzAiEdge.Mqtt.Internal;

namespace GzAiEdge.Mqtt.Packets;

/// <summary>
/// Decodes PUBLISH (MQTT 5.0 section 3.3). The hot path: with <see cref="InboundBuffers"/> the topic
/// name comes from the interned set and the payload goes into a pooled buffer, so a message on a
/// known topic without properties allocates nothing.
/// </summary>
internal static class MqttPublishDecoder
{
    public static InboundPacket Decode(int flags, ref PacketReader reader, bool v5, ulong allowedProperties, InboundBuffers? buffers)
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

        var topic = ReadTopic(reader.ReadBinary(), buffers?.Topics);
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

        var payload = reader.ReadRest();
        var buffer = payload.IsEmpty ? null : buffers?.Payloads.Rent(payload) ?? Unpooled(payload);
        var message = new MqttReceivedMessage(topic, buffer, (MqttQualityOfService)qos, (flags & 0x01) != 0, duplicate, packetId,
            properties.ContentType, properties.UserProperties);
        return new InboundPacket { Type = MqttPacketType.Publish, PacketId = packetId, Message = message };
    }

    /// <summary>A topic name: well-formed UTF-8 without U+0000 [MQTT-1.5.4-1] [MQTT-1.5.4-2] and without wildcards [MQTT-3.3.2-2].</summary>
    private static string ReadTopic(ReadOnlySpan<byte> bytes, TopicCache? cache)
    {
        // UTF-16 never needs more code units than UTF-8 has bytes.
        var chars = bytes.Length <= TopicCache.MaxCachedLength ? stackalloc char[TopicCache.MaxCachedLength] : new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done
            || chars[..length].Contains('\0'))
        {
            throw PacketReader.Malformed("string is not well-formed UTF-8 or contains U+0000 [MQTT-1.5.4-1]");
        }

        var name = chars[..length];
        if (name.IndexOfAny('+', '#') >= 0)
        {
            throw new MqttProtocolException(MqttReasonCode.TopicNameInvalid, $"PUBLISH topic '{name}' contains a wildcard [MQTT-3.3.2-2]");
        }

        return cache?.Get(name) ?? name.ToString();
    }

    private static PayloadBuffer Unpooled(ReadOnlySpan<byte> payload)
    {
        var buffer = new PayloadBuffer(null, payload.Length);
        buffer.Fill(payload);
        return buffer;
    }
}
