using GzAiEdge.Mqtt.Packets;
using static GzAiEdge.Mqtt.Tests.Support.PacketBytes;

namespace GzAiEdge.Mqtt.Tests.Packets;

/// <summary>Packets only a client sends, checked byte for byte against hand-assembled spec layouts.</summary>
public class EncoderTests
{
    private readonly PacketWriter _writer = new(16);

    private static MqttClientOptions Options(MqttProtocolVersion version) =>
        new() { Host = "h", ClientId = "c1", ProtocolVersion = version };

    [Fact]
    public void Connect_311_has_protocol_level_4_clean_session_and_keep_alive()
    {
        var bytes = MqttPacketEncoder.Connect(_writer, Options(MqttProtocolVersion.V311), cleanStart: true);

        Assert.Equal(Hex("10 0E 0004 4D515454 04 02 001E 0002 6331"), bytes.ToArray());
    }

    [Fact]
    public void Connect_5_announces_session_expiry_receive_maximum_and_maximum_packet_size()
    {
        var options = Options(MqttProtocolVersion.V500) with { SessionExpiryIntervalSeconds = 60 };

        var bytes = MqttPacketEncoder.Connect(_writer, options, cleanStart: true);

        Assert.Equal(Hex("10 1C 0004 4D515454 05 02 001E 0D 11 0000003C 21 0064 27 00100000 0002 6331"), bytes.ToArray());
    }

    [Fact]
    public void Connect_311_with_will_user_and_password_sets_every_flag()
    {
        var options = Options(MqttProtocolVersion.V311) with
        {
            Username = "u",
            Password = "p",
            Will = new MqttWill("w", "x"u8.ToArray()) { Retain = true },
        };

        var bytes = MqttPacketEncoder.Connect(_writer, options, cleanStart: false);

        Assert.Equal(Hex("10 1A 0004 4D515454 04 EC 001E 0002 6331 0001 77 0001 78 0001 75 0001 70"), bytes.ToArray());
    }

    [Fact]
    public void Connect_5_will_carries_its_delay_interval_property()
    {
        var options = Options(MqttProtocolVersion.V500) with
        {
            ReceiveMaximum = 1,
            Will = new MqttWill("w", "x"u8.ToArray()) { Qos = MqttQualityOfService.AtMostOnce, DelayIntervalSeconds = 5 },
        };

        var bytes = MqttPacketEncoder.Connect(_writer, options, cleanStart: true).ToArray();

        Assert.Equal(Hex("06"), bytes[9..10]);
        Assert.Equal(Hex("05 18 00000005 0001 77 0001 78"), bytes[^12..]);
    }

    [Fact]
    public void Subscribe_5_carries_no_local_and_retain_as_published_but_311_only_qos()
    {
        MqttSubscription[] subscriptions = [new("a/b") { NoLocal = true, RetainAsPublished = true }];

        Assert.Equal(Hex("82 09 0001 00 0003 612F62 0D"), MqttPacketEncoder.Subscribe(_writer, 1, subscriptions, MqttProtocolVersion.V500).ToArray());
        Assert.Equal(Hex("82 08 0001 0003 612F62 01"), MqttPacketEncoder.Subscribe(_writer, 1, subscriptions, MqttProtocolVersion.V311).ToArray());
    }

    [Fact]
    public void Unsubscribe_has_flags_0010_and_lists_the_filters()
    {
        Assert.Equal(Hex("A2 08 0002 00 0003 612F62"), MqttPacketEncoder.Unsubscribe(_writer, 2, ["a/b"], MqttProtocolVersion.V500).ToArray());
        Assert.Equal(Hex("A2 07 0002 0003 612F62"), MqttPacketEncoder.Unsubscribe(_writer, 2, ["a/b"], MqttProtocolVersion.V311).ToArray());
    }

    [Fact]
    public void Pingreq_and_disconnect_are_as_short_as_the_spec_allows()
    {
        Assert.Equal(Hex("C0 00"), MqttPacketEncoder.PingReq(_writer).ToArray());
        Assert.Equal(Hex("E0 00"), MqttPacketEncoder.Disconnect(_writer, MqttReasonCode.NormalDisconnection, MqttProtocolVersion.V500).ToArray());
        Assert.Equal(Hex("E0 01 81"), MqttPacketEncoder.Disconnect(_writer, MqttReasonCode.MalformedPacket, MqttProtocolVersion.V500).ToArray());
        Assert.Equal(Hex("E0 00"), MqttPacketEncoder.Disconnect(_writer, MqttReasonCode.MalformedPacket, MqttProtocolVersion.V311).ToArray());
    }

    [Fact]
    public void A_string_longer_than_65535_bytes_is_refused()
    {
        var message = new MqttApplicationMessage(new string('t', 70_000), ReadOnlyMemory<byte>.Empty);

        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Publish(_writer, message, 1, false, MqttProtocolVersion.V500));
    }

    [Fact]
    public void Property_blocks_longer_than_127_bytes_get_a_two_byte_length()
    {
        var message = new MqttApplicationMessage("t", "p"u8.ToArray())
        {
            Qos = MqttQualityOfService.AtMostOnce,
            UserProperties = [new MqttUserProperty("k", new string('v', 200))],
        };

        var decoded = Decode(MqttPacketEncoder.Publish(_writer, message, 0, false, MqttProtocolVersion.V500).Span, MqttProtocolVersion.V500);

        Assert.Equal(200, decoded.Message!.UserProperties.Single().Value.Length);
        Assert.Equal("p"u8.ToArray(), decoded.Message.Payload.ToArray());
    }
}
