namespace GzAiEdge.Mqtt.Packets;

/// <summary>The MQTT 5 properties the client acts on, decoded from one packet's property block.</summary>
internal struct PacketProperties
{
    public string? ReasonString;
    public string? ContentType;
    public List<MqttUserProperty>? UserProperties;
    public uint? MessageExpiryInterval;
    public uint? SessionExpiryInterval;
    public ushort? ReceiveMaximum;
    public byte? MaximumQos;
    public bool? RetainAvailable;
    public uint? MaximumPacketSize;
    public string? AssignedClientIdentifier;
    public ushort? ServerKeepAlive;
    public ushort? TopicAlias;
    public string? ServerReference;

    /// <summary>
    /// Reads a property block (length prefix included). A property not in <paramref name="allowed"/>,
    /// or repeated when the spec allows it once, is a protocol error (MQTT 5.0 section 2.2.2.2).
    /// </summary>
    public static PacketProperties Read(ref PacketReader reader, ulong allowed)
    {
        var length = reader.ReadVariableByteInteger();
        var block = reader.ReadSection(length);
        var result = default(PacketProperties);
        ulong seen = 0;
        while (!block.IsAtEnd)
        {
            var id = block.ReadByte();
            var bit = id < 64 ? 1UL << id : 0;
            if ((allowed & bit) == 0)
            {
                throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"property 0x{id:X2} is not valid in this packet");
            }

            if ((seen & bit) != 0 && id is not PropertyId.UserProperty and not PropertyId.SubscriptionIdentifier)
            {
                throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"property 0x{id:X2} appears more than once");
            }

            seen |= bit;
            result.ReadValue(id, ref block);
        }

        return result;
    }

    private void ReadValue(byte id, ref PacketReader block)
    {
        switch (id)
        {
            case PropertyId.PayloadFormatIndicator:
                Flag(block.ReadByte(), id);
                break;
            case PropertyId.MessageExpiryInterval:
                MessageExpiryInterval = block.ReadUInt32();
                break;
            case PropertyId.ContentType:
                ContentType = block.ReadString();
                break;
            case PropertyId.ResponseTopic or PropertyId.AuthenticationMethod or PropertyId.ResponseInformation:
                block.ReadString();
                break;
            case PropertyId.ServerReference:
                ServerReference = block.ReadString();
                break;
            case PropertyId.CorrelationData or PropertyId.AuthenticationData:
                block.ReadBinary();
                break;
            case PropertyId.SubscriptionIdentifier:
                if (block.ReadVariableByteInteger() == 0)
                {
                    throw new MqttProtocolException(MqttReasonCode.ProtocolError, "subscription identifier 0 [MQTT-3.3.4-6]");
                }

                break;
            case PropertyId.SessionExpiryInterval:
                SessionExpiryInterval = block.ReadUInt32();
                break;
            case PropertyId.AssignedClientIdentifier:
                AssignedClientIdentifier = block.ReadString();
                break;
            case PropertyId.ServerKeepAlive:
                ServerKeepAlive = block.ReadUInt16();
                break;
            case PropertyId.ReasonString:
                ReasonString = block.ReadString();
                break;
            case PropertyId.ReceiveMaximum:
                ReceiveMaximum = NonZero(block.ReadUInt16(), id);
                break;
            case PropertyId.TopicAliasMaximum:
                block.ReadUInt16();
                break;
            case PropertyId.TopicAlias:
                TopicAlias = block.ReadUInt16();
                break;
            case PropertyId.MaximumQos:
                MaximumQos = Flag(block.ReadByte(), id);
                break;
            case PropertyId.RetainAvailable:
                RetainAvailable = Flag(block.ReadByte(), id) == 1;
                break;
            case PropertyId.UserProperty:
                (UserProperties ??= []).Add(new MqttUserProperty(block.ReadString(), block.ReadString()));
                break;
            case PropertyId.MaximumPacketSize:
                MaximumPacketSize = NonZero(block.ReadUInt32(), id);
                break;
            case PropertyId.WildcardSubscriptionAvailable or PropertyId.SubscriptionIdentifierAvailable
                or PropertyId.SharedSubscriptionAvailable or PropertyId.RequestProblemInformation
                or PropertyId.RequestResponseInformation:
                Flag(block.ReadByte(), id);
                break;
            case PropertyId.WillDelayInterval:
                block.ReadUInt32();
                break;
            default:
                throw new MqttProtocolException(MqttReasonCode.MalformedPacket, $"unknown property 0x{id:X2}");
        }
    }

    private static byte Flag(byte value, byte id) => value <= 1
        ? value
        : throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"property 0x{id:X2} must be 0 or 1, was {value}");

    private static T NonZero<T>(T value, byte id)
        where T : System.Numerics.INumber<T> => T.IsZero(value)
        ? throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"property 0x{id:X2} must not be 0")
        : value;
}
