namespace GzAiEdge.Mqtt.Packets;

/// <summary>Encodes the packets a client sends into a reused <see cref="PacketWriter"/>.</summary>
internal static class MqttPacketEncoder
{
    private static readonly byte[] ProtocolName = "\0\u0004MQTT"u8.ToArray();

    /// <summary>CONNECT (MQTT 5.0 section 3.1; 3.1.1 section 3.1).</summary>
    public static ReadOnlyMemory<byte> Connect(PacketWriter writer, MqttClientOptions options, bool cleanStart)
    {
        var v5 = options.ProtocolVersion == MqttProtocolVersion.V500;
        if (options.Password is not null && options.Username is null && !v5)
        {
            throw new ArgumentException("MQTT 3.1.1 does not allow a password without a user name [MQTT-3.1.2-22]");
        }

        writer.Begin();
        writer.WriteRaw(ProtocolName);
        writer.WriteByte((byte)options.ProtocolVersion);
        var will = options.Will;
        var flags = (cleanStart ? 0x02 : 0)
            | (will is null ? 0 : 0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0))
            | (options.Password is null ? 0 : 0x40)
            | (options.Username is null ? 0 : 0x80);
        writer.WriteByte((byte)flags);
        writer.WriteUInt16(options.KeepAliveSeconds);
        if (v5)
        {
            writer.BeginProperties();
            if (options.SessionExpiryIntervalSeconds > 0)
            {
                writer.WriteProperty(PropertyId.SessionExpiryInterval, options.SessionExpiryIntervalSeconds);
            }

            writer.WriteProperty(PropertyId.ReceiveMaximum, options.ReceiveMaximum);
            writer.WriteProperty(PropertyId.MaximumPacketSize, (uint)options.MaximumPacketSize);
            writer.EndProperties();
        }

        writer.WriteString(options.ClientId);
        if (will is not null)
        {
            if (v5)
            {
                writer.BeginProperties();
                if (will.DelayIntervalSeconds > 0)
                {
                    writer.WriteProperty(PropertyId.WillDelayInterval, will.DelayIntervalSeconds);
                }

                writer.EndProperties();
            }

            writer.WriteString(will.Topic);
            writer.WriteBinary(will.Payload.Span);
        }

        if (options.Username is not null)
        {
            writer.WriteString(options.Username);
        }

        if (options.Password is not null)
        {
            writer.WriteBinary(System.Text.Encoding.UTF8.GetBytes(options.Password));
        }

        return writer.Finish((byte)MqttPacketType.Connect << 4);
    }

    /// <summary>PUBLISH (section 3.3).</summary>
    public static ReadOnlyMemory<byte> Publish(PacketWriter writer, in MqttApplicationMessage message, ushort packetId,
        bool duplicate, MqttProtocolVersion version)
    {
        writer.Begin();
        writer.WriteString(message.Topic);
        if (message.Qos != MqttQualityOfService.AtMostOnce)
        {
            writer.WriteUInt16(packetId);
        }

        if (version == MqttProtocolVersion.V500)
        {
            writer.BeginProperties();
            if (message.MessageExpiryIntervalSeconds is { } expiry)
            {
                writer.WriteProperty(PropertyId.MessageExpiryInterval, expiry);
            }

            if (message.ContentType is not null)
            {
                writer.WriteProperty(PropertyId.ContentType, message.ContentType);
            }

            writer.WriteUserProperties(message.UserProperties);
            writer.EndProperties();
        }

        writer.WriteRaw(message.Payload.Span);
        var header = ((int)MqttPacketType.Publish << 4) | (duplicate ? 0x08 : 0) | ((int)message.Qos << 1) | (message.Retain ? 1 : 0);
        return writer.Finish((byte)header);
    }

    /// <summary>PUBACK, PUBREC, PUBREL or PUBCOMP (sections 3.4 to 3.7); PUBREL carries flags 0010 [MQTT-3.6.1-1].</summary>
    public static ReadOnlyMemory<byte> Ack(PacketWriter writer, MqttPacketType type, ushort packetId, MqttReasonCode reason,
        MqttProtocolVersion version)
    {
        writer.Begin();
        writer.WriteUInt16(packetId);

        // The reason code may be left out when it is Success and there are no properties (3.4.2.1).
        if (version == MqttProtocolVersion.V500 && reason != MqttReasonCode.Success)
        {
            writer.WriteByte((byte)reason);
        }

        return writer.Finish((byte)(((int)type << 4) | (type == MqttPacketType.PubRel ? 0x02 : 0)));
    }

    /// <summary>SUBSCRIBE (section 3.8); fixed header flags 0010 [MQTT-3.8.1-1].</summary>
    public static ReadOnlyMemory<byte> Subscribe(PacketWriter writer, ushort packetId, IReadOnlyList<MqttSubscription> subscriptions,
        MqttProtocolVersion version)
    {
        writer.Begin();
        writer.WriteUInt16(packetId);
        var v5 = version == MqttProtocolVersion.V500;
        if (v5)
        {
            writer.BeginProperties();
            writer.EndProperties();
        }

        foreach (var subscription in subscriptions)
        {
            writer.WriteString(subscription.TopicFilter);

            // 3.1.1 requires the upper six bits to be zero [MQTT-3.8.3-4]; MQTT 5 adds No Local and Retain As Published.
            var options = (int)subscription.MaximumQos;
            if (v5)
            {
                options |= (subscription.NoLocal ? 0x04 : 0) | (subscription.RetainAsPublished ? 0x08 : 0);
            }

            writer.WriteByte((byte)options);
        }

        return writer.Finish(((int)MqttPacketType.Subscribe << 4) | 0x02);
    }

    /// <summary>UNSUBSCRIBE (section 3.10); fixed header flags 0010 [MQTT-3.10.1-1].</summary>
    public static ReadOnlyMemory<byte> Unsubscribe(PacketWriter writer, ushort packetId, IReadOnlyList<string> topicFilters,
        MqttProtocolVersion version)
    {
        writer.Begin();
        writer.WriteUInt16(packetId);
        if (version == MqttProtocolVersion.V500)
        {
            writer.BeginProperties();
            writer.EndProperties();
        }

        foreach (var filter in topicFilters)
        {
            writer.WriteString(filter);
        }

        return writer.Finish(((int)MqttPacketType.Unsubscribe << 4) | 0x02);
    }

    public static ReadOnlyMemory<byte> PingReq(PacketWriter writer)
    {
        writer.Begin();
        return writer.Finish((byte)MqttPacketType.PingReq << 4);
    }

    /// <summary>DISCONNECT (section 3.14); MQTT 3.1.1 has no reason code.</summary>
    public static ReadOnlyMemory<byte> Disconnect(PacketWriter writer, MqttReasonCode reason, MqttProtocolVersion version)
    {
        writer.Begin();
        if (version == MqttProtocolVersion.V500 && reason != MqttReasonCode.NormalDisconnection)
        {
            writer.WriteByte((byte)reason);
        }

        return writer.Finish((byte)MqttPacketType.Disconnect << 4);
    }
}
