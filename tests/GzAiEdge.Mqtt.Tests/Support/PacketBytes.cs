using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt.Tests.Support;

/// <summary>Frames and decodes whole packets the way the connection does.</summary>
internal static class PacketBytes
{
    public static InboundPacket Decode(ReadOnlySpan<byte> packet, MqttProtocolVersion version, int maximumPacketSize = 1 << 20)
    {
        Assert.True(MqttFrame.TryReadHeader(packet, maximumPacketSize, out var header, out var headerSize, out var remaining));
        Assert.Equal(packet.Length, headerSize + remaining);
        return MqttPacketDecoder.Decode(header, packet.Slice(headerSize, remaining), version);
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
