using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;
using GzAiEdge.Testing;

namespace GzAiEdge.Mqtt.Tests.Packets;

/// <summary>Decode and encode allocate nothing per message once warm (counted on this thread, so other tests do not interfere).</summary>
public class AllocationTests
{
    private static readonly byte[] Payload = System.Text.Encoding.UTF8.GetBytes(new string('x', 700));

    [Fact]
    public void Decoding_a_publish_on_a_known_topic_and_releasing_it_allocates_nothing()
    {
        var publish = MqttPacketEncoder.Publish(new PacketWriter(), new MqttApplicationMessage("gz/v1/tianhe-01/cam-01/kpi", Payload), 7, false,
            MqttProtocolVersion.V500).ToArray();
        MqttFrame.TryReadHeader(publish, 1 << 20, out var header, out var headerSize, out var remaining);
        var buffers = new InboundBuffers(16);
        void Once()
        {
            var packet = MqttPacketDecoder.Decode(header, publish.AsSpan(headerSize, remaining), MqttProtocolVersion.V500, buffers);
            packet.Message.Dispose();
        }

        Assert.Equal(0, Allocations.Of(Once));
    }

    [Fact]
    public void Encoding_bursts_of_publish_and_puback_packets_allocates_nothing()
    {
        var writer = new PacketWriter(pooled: true);
        var message = new MqttApplicationMessage("gz/v1/tianhe-01/cam-01/kpi", Payload);
        void Once()
        {
            writer.Reset();
            for (ushort id = 1; id <= 10; id++)
            {
                MqttPacketEncoder.Publish(writer, message, id, false, MqttProtocolVersion.V500);
                MqttPacketEncoder.Ack(writer, MqttPacketType.PubAck, id, MqttReasonCode.Success, MqttProtocolVersion.V500);
            }

            writer.ReleaseBuffer();
        }

        Assert.Equal(0, Allocations.Of(Once));
    }

    [Fact]
    public void A_released_message_no_longer_lends_its_payload_but_keeps_its_topic_and_flags()
    {
        var publish = MqttPacketEncoder.Publish(new PacketWriter(), new MqttApplicationMessage("a/b", Payload), 7, true,
            MqttProtocolVersion.V500).ToArray();
        MqttFrame.TryReadHeader(publish, 1 << 20, out var header, out var headerSize, out var remaining);
        var buffers = new InboundBuffers(16);
        var message = MqttPacketDecoder.Decode(header, publish.AsSpan(headerSize, remaining), MqttProtocolVersion.V500, buffers).Message;
        var copy = message;

        copy.Dispose();
        var next = MqttPacketDecoder.Decode(header, publish.AsSpan(headerSize, remaining), MqttProtocolVersion.V500, buffers).Message;

        Assert.Throws<ObjectDisposedException>(() => message.Payload);
        Assert.Equal(("a/b", true), (message.Topic, message.Duplicate));
        Assert.Equal(Payload, next.Payload.ToArray());
        message.Dispose();
        Assert.Equal(Payload, next.Payload.ToArray());
    }
}
