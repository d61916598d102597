using GzAiEdge.Mqtt.Packets;
using static GzAiEdge.Mqtt.Tests.Support.PacketBytes;

namespace GzAiEdge.Mqtt.Tests.Packets;

public class DecoderTests
{
    private const MqttProtocolVersion V5 = MqttProtocolVersion.V500;
    private const MqttProtocolVersion V311 = MqttProtocolVersion.V311;
    private readonly PacketWriter _writer = new(16);

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public void Publish_round_trips_in_both_versions(MqttProtocolVersion version)
    {
        var message = new MqttApplicationMessage("gz/v1/s/d/kpi", "{\"v\":1}"u8.ToArray())
        {
            Qos = MqttQualityOfService.AtLeastOnce,
            Retain = true,
            ContentType = "application/json",
            MessageExpiryIntervalSeconds = 3600,
            UserProperties = [new("k", "v"), new("k", "w")],
        };

        var decoded = Decode(MqttPacketEncoder.Publish(_writer, message, 7, duplicate: true, version).Span, version);

        var received = decoded.Message!;
        Assert.Equal((MqttPacketType.Publish, (ushort)7), (decoded.Type, decoded.PacketId));
        Assert.Equal(("gz/v1/s/d/kpi", MqttQualityOfService.AtLeastOnce, true, true),
            (received.Topic, received.Qos, received.Retain, received.Duplicate));
        Assert.Equal(message.Payload.ToArray(), received.Payload.ToArray());
        if (version == V5)
        {
            Assert.Equal("application/json", received.ContentType);
            Assert.Equal(message.UserProperties, received.UserProperties);
        }
        else
        {
            Assert.Null(received.ContentType);
            Assert.Empty(received.UserProperties);
        }
    }

    [Theory]
    [InlineData((int)MqttPacketType.PubAck, MqttReasonCode.Success, MqttProtocolVersion.V500)]
    [InlineData((int)MqttPacketType.PubAck, MqttReasonCode.NoMatchingSubscribers, MqttProtocolVersion.V500)]
    [InlineData((int)MqttPacketType.PubRec, MqttReasonCode.QuotaExceeded, MqttProtocolVersion.V500)]
    [InlineData((int)MqttPacketType.PubRel, MqttReasonCode.Success, MqttProtocolVersion.V500)]
    [InlineData((int)MqttPacketType.PubComp, MqttReasonCode.PacketIdentifierNotFound, MqttProtocolVersion.V500)]
    [InlineData((int)MqttPacketType.PubAck, MqttReasonCode.Success, MqttProtocolVersion.V311)]
    [InlineData((int)MqttPacketType.PubRel, MqttReasonCode.Success, MqttProtocolVersion.V311)]
    public void Acknowledgements_round_trip(int typeNumber, MqttReasonCode reason, MqttProtocolVersion version)
    {
        var type = (MqttPacketType)typeNumber;
        var decoded = Decode(MqttPacketEncoder.Ack(_writer, type, 513, reason, version).Span, version);

        Assert.Equal((type, (ushort)513, reason), (decoded.Type, decoded.PacketId, decoded.ReasonCode));
    }

    [Fact]
    public void Disconnect_5_round_trips_and_an_empty_one_means_normal()
    {
        Assert.Equal(MqttReasonCode.ServerShuttingDown,
            Decode(MqttPacketEncoder.Disconnect(_writer, MqttReasonCode.ServerShuttingDown, V5).Span, V5).ReasonCode);
        Assert.Equal(MqttReasonCode.NormalDisconnection, Decode(Hex("E0 00"), V5).ReasonCode);
    }

    [Fact]
    public void Connack_5_exposes_receive_maximum_packet_size_and_reason_string()
    {
        var packet = Decode(Hex("20 10 01 00 0D 21000A 2700001000 1F00026F6B"), V5);

        Assert.True(packet.SessionPresent);
        Assert.Equal(MqttReasonCode.Success, packet.ReasonCode);
        Assert.Equal((ushort)10, packet.Properties.ReceiveMaximum);
        Assert.Equal(4096u, packet.Properties.MaximumPacketSize);
        Assert.Equal("ok", packet.Properties.ReasonString);
    }

    [Theory]
    [InlineData(1, MqttReasonCode.UnsupportedProtocolVersion)]
    [InlineData(2, MqttReasonCode.ClientIdentifierNotValid)]
    [InlineData(3, MqttReasonCode.ServerUnavailable)]
    [InlineData(4, MqttReasonCode.BadUserNameOrPassword)]
    [InlineData(5, MqttReasonCode.NotAuthorized)]
    public void Connack_311_return_codes_map_to_mqtt5_reason_codes(byte returnCode, MqttReasonCode expected)
    {
        Assert.Equal(expected, Decode([0x20, 0x02, 0x00, returnCode], V311).ReasonCode);
    }

    [Fact]
    public void Suback_and_unsuback_carry_one_reason_per_filter()
    {
        Assert.Equal([MqttReasonCode.GrantedQos1, MqttReasonCode.UnspecifiedError], Decode(Hex("90 05 0001 00 01 80"), V5).ReasonCodes);
        Assert.Equal([MqttReasonCode.GrantedQos1, MqttReasonCode.UnspecifiedError], Decode(Hex("90 04 0001 01 80"), V311).ReasonCodes);
        Assert.Equal([MqttReasonCode.NoSubscriptionExisted], Decode(Hex("B0 04 0001 00 11"), V5).ReasonCodes);
        Assert.Equal((ushort)1, Decode(Hex("B0 02 0001"), V311).PacketId);
        Assert.Equal(MqttPacketType.PingResp, Decode(Hex("D0 00"), V5).Type);
    }

    [Theory]
    [InlineData("30 05 0001 C0 00 78", MqttReasonCode.MalformedPacket)]
    [InlineData("30 05 0001 00 00 78", MqttReasonCode.MalformedPacket)]
    [InlineData("30 04 0001 2B 00", MqttReasonCode.TopicNameInvalid)]
    [InlineData("30 07 0001 74 03 230001", MqttReasonCode.TopicAliasInvalid)]
    [InlineData("30 0C 0001 74 08 03000178 03000178", MqttReasonCode.ProtocolError)]
    [InlineData("30 09 0001 74 05 1100000001", MqttReasonCode.ProtocolError)]
    [InlineData("36 05 0001 74 0001", MqttReasonCode.MalformedPacket)]
    [InlineData("38 04 0001 74 00", MqttReasonCode.MalformedPacket)]
    [InlineData("32 05 0001 74 0000", MqttReasonCode.MalformedPacket)]
    [InlineData("41 02 0001", MqttReasonCode.MalformedPacket)]
    [InlineData("20 03 02 00 00", MqttReasonCode.MalformedPacket)]
    [InlineData("10 00", MqttReasonCode.ProtocolError)]
    [InlineData("F0 00", MqttReasonCode.ProtocolError)]
    [InlineData("20 04 00 00 05 00", MqttReasonCode.MalformedPacket)]
    [InlineData("90 03 0001 00", MqttReasonCode.ProtocolError)]
    public void Invalid_packets_are_rejected_with_the_reason_code_to_disconnect_with(string hex, MqttReasonCode expected)
    {
        var packet = Hex(hex);
        var error = Assert.Throws<MqttProtocolException>(() => Decode(packet, V5));

        Assert.Equal(expected, error.ReasonCode);
    }

    [Fact]
    public void A_packet_over_the_maximum_size_is_rejected_before_it_is_read()
    {
        var error = Assert.Throws<MqttProtocolException>(() => MqttFrame.TryReadHeader(Hex("30 FF FF 03"), 1024, out _, out _, out _));

        Assert.Equal(MqttReasonCode.PacketTooLarge, error.ReasonCode);
    }

    [Fact]
    public void Disconnect_from_a_311_broker_is_a_protocol_error()
    {
        Assert.Throws<MqttProtocolException>(() => Decode(Hex("E0 00"), V311));
    }
}
