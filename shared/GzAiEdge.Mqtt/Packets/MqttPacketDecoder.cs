using GzAiEdge.Mqtt.Internal;

namespace GzAiEdge.Mqtt.Packets;

/// <summary>
/// Decodes packets a client receives. Anything malformed or outside the protocol throws
/// <see cref="MqttProtocolException"/> with the reason code to disconnect with; nothing else escapes.
/// </summary>
internal static class MqttPacketDecoder
{
    private static readonly ulong ConnAckProperties = PropertyId.Mask(
        PropertyId.SessionExpiryInterval, PropertyId.AssignedClientIdentifier, PropertyId.ServerKeepAlive,
        PropertyId.AuthenticationMethod, PropertyId.AuthenticationData, PropertyId.ResponseInformation,
        PropertyId.ServerReference, PropertyId.ReasonString, PropertyId.ReceiveMaximum, PropertyId.TopicAliasMaximum,
        PropertyId.MaximumQos, PropertyId.RetainAvailable, PropertyId.UserProperty, PropertyId.MaximumPacketSize,
        PropertyId.WildcardSubscriptionAvailable, PropertyId.SubscriptionIdentifierAvailable, PropertyId.SharedSubscriptionAvailable);

    private static readonly ulong PublishProperties = PropertyId.Mask(
        PropertyId.PayloadFormatIndicator, PropertyId.MessageExpiryInterval, PropertyId.TopicAlias, PropertyId.ResponseTopic,
        PropertyId.CorrelationData, PropertyId.UserProperty, PropertyId.SubscriptionIdentifier, PropertyId.ContentType);

    private static readonly ulong AckProperties = PropertyId.Mask(PropertyId.ReasonString, PropertyId.UserProperty);

    private static readonly ulong DisconnectProperties = PropertyId.Mask(
        PropertyId.SessionExpiryInterval, PropertyId.ReasonString, PropertyId.UserProperty, PropertyId.ServerReference);

    /// <summary>Decodes one packet body; PUBLISH takes its topic and payload buffer from <paramref name="buffers"/> when given.</summary>
    public static InboundPacket Decode(byte header, ReadOnlySpan<byte> body, MqttProtocolVersion version, InboundBuffers? buffers = null)
    {
        var type = (MqttPacketType)(header >> 4);
        var flags = header & 0x0F;
        var expectedFlags = type switch
        {
            MqttPacketType.Publish => flags,
            MqttPacketType.PubRel => 0x02,
            _ => 0,
        };
        if (flags != expectedFlags)
        {
            throw PacketReader.Malformed($"{type} has invalid fixed header flags 0x{flags:X} [MQTT-2.1.3-1]");
        }

        var reader = new PacketReader(body);
        var v5 = version == MqttProtocolVersion.V500;
        return type switch
        {
            MqttPacketType.ConnAck => DecodeConnAck(ref reader, v5),
            MqttPacketType.Publish => MqttPublishDecoder.Decode(flags, ref reader, v5, PublishProperties, buffers),
            MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp =>
                DecodeAck(type, ref reader, v5),
            MqttPacketType.SubAck or MqttPacketType.UnsubAck => DecodeSubscriptionAck(type, ref reader, v5),
            MqttPacketType.PingResp => Empty(type, ref reader),
            MqttPacketType.Disconnect when v5 => DecodeDisconnect(ref reader),
            _ => throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"a client must not receive packet type {(int)type}"),
        };
    }

    private static InboundPacket DecodeConnAck(ref PacketReader reader, bool v5)
    {
        var acknowledgeFlags = reader.ReadByte();
        if ((acknowledgeFlags & 0xFE) != 0)
        {
            throw PacketReader.Malformed("CONNACK reserved flags are set [MQTT-3.2.2-1]");
        }

        var code = reader.ReadByte();
        var reason = v5 ? (MqttReasonCode)code : MapConnectReturnCode(code);
        var properties = v5 ? PacketProperties.Read(ref reader, ConnAckProperties) : default;
        reader.ExpectEnd(MqttPacketType.ConnAck);
        return new InboundPacket
        {
            Type = MqttPacketType.ConnAck,
            SessionPresent = acknowledgeFlags == 1,
            ReasonCode = reason,
            Properties = properties,
        };
    }

    /// <summary>MQTT 3.1.1 CONNACK return codes (section 3.2.2.3) as MQTT 5 reason codes.</summary>
    private static MqttReasonCode MapConnectReturnCode(byte code) => code switch
    {
        0 => MqttReasonCode.Success,
        1 => MqttReasonCode.UnsupportedProtocolVersion,
        2 => MqttReasonCode.ClientIdentifierNotValid,
        3 => MqttReasonCode.ServerUnavailable,
        4 => MqttReasonCode.BadUserNameOrPassword,
        5 => MqttReasonCode.NotAuthorized,
        _ => throw PacketReader.Malformed($"CONNACK return code {code} is not defined in MQTT 3.1.1"),
    };

    private static InboundPacket DecodeAck(MqttPacketType type, ref PacketReader reader, bool v5)
    {
        var packetId = ReadPacketId(ref reader);
        var reason = MqttReasonCode.Success;
        var properties = default(PacketProperties);

        // MQTT 5 lets the reason code and the properties be left out when they are Success / empty (3.4.2.1).
        if (v5 && !reader.IsAtEnd)
        {
            reason = (MqttReasonCode)reader.ReadByte();
            if (!reader.IsAtEnd)
            {
                properties = PacketProperties.Read(ref reader, AckProperties);
            }
        }

        reader.ExpectEnd(type);
        return new InboundPacket { Type = type, PacketId = packetId, ReasonCode = reason, Properties = properties };
    }

    private static InboundPacket DecodeSubscriptionAck(MqttPacketType type, ref PacketReader reader, bool v5)
    {
        var packetId = ReadPacketId(ref reader);
        var properties = v5 ? PacketProperties.Read(ref reader, AckProperties) : default;
        var codes = reader.ReadRest();
        if (type == MqttPacketType.UnsubAck && !v5)
        {
            return codes.IsEmpty
                ? new InboundPacket { Type = type, PacketId = packetId }
                : throw PacketReader.Malformed("MQTT 3.1.1 UNSUBACK has a payload");
        }

        if (codes.IsEmpty)
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"{type} has no reason codes [MQTT-3.9.3-1]");
        }

        var reasons = new MqttReasonCode[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!v5 && codes[i] is not (0 or 1 or 2 or 0x80))
            {
                throw PacketReader.Malformed($"SUBACK return code 0x{codes[i]:X2} is not defined in MQTT 3.1.1 [MQTT-3.9.3-2]");
            }

            reasons[i] = (MqttReasonCode)codes[i];
        }

        return new InboundPacket { Type = type, PacketId = packetId, ReasonCodes = reasons, Properties = properties };
    }

    private static InboundPacket DecodeDisconnect(ref PacketReader reader)
    {
        // A DISCONNECT with remaining length 0 means Normal disconnection (3.14.2.1).
        var reason = reader.IsAtEnd ? MqttReasonCode.NormalDisconnection : (MqttReasonCode)reader.ReadByte();
        var properties = reader.IsAtEnd ? default : PacketProperties.Read(ref reader, DisconnectProperties);
        reader.ExpectEnd(MqttPacketType.Disconnect);
        return new InboundPacket { Type = MqttPacketType.Disconnect, ReasonCode = reason, Properties = properties };
    }

    private static InboundPacket Empty(MqttPacketType type, ref PacketReader reader)
    {
        reader.ExpectEnd(type);
        return new InboundPacket { Type = type };
    }

    internal static ushort ReadPacketId(ref PacketReader reader)
    {
        var packetId = reader.ReadUInt16();
        return packetId != 0 ? packetId : throw PacketReader.Malformed("packet identifier 0 [MQTT-2.2.1-3]");
    }
}
