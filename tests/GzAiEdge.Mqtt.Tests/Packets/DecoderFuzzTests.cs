using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt.Tests.Packets;

/// <summary>
/// Random and mutated packets (seeded, so failures reproduce) must either decode, ask for more data or
/// throw <see cref="MqttProtocolException"/>: nothing else may escape the decoder.
/// </summary>
public class DecoderFuzzTests
{
    private static readonly byte[][] Seeds = BuildSeeds();

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public void Random_bytes_never_throw_anything_but_a_protocol_error(MqttProtocolVersion version)
    {
        var random = new Random(1234);
        for (var i = 0; i < 20_000; i++)
        {
            var packet = new byte[random.Next(0, 64)];
            random.NextBytes(packet);
            DecodeSafely(packet, version, i);
        }
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public void Mutated_valid_packets_never_throw_anything_but_a_protocol_error(MqttProtocolVersion version)
    {
        var random = new Random(5678);
        for (var i = 0; i < 20_000; i++)
        {
            var packet = (byte[])Seeds[random.Next(Seeds.Length)].Clone();
            switch (random.Next(4))
            {
                case 0:
                    packet[random.Next(packet.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    packet = packet[..random.Next(packet.Length)];
                    break;
                case 2:
                    packet[Math.Min(1, packet.Length - 1)] = (byte)random.Next(256);
                    break;
                default:
                    packet[random.Next(packet.Length)] = (byte)random.Next(256);
                    packet[random.Next(packet.Length)] = (byte)random.Next(256);
                    break;
            }

            DecodeSafely(packet, version, i);
        }
    }

    private static void DecodeSafely(byte[] packet, MqttProtocolVersion version, int iteration)
    {
        try
        {
            if (MqttFrame.TryReadHeader(packet, 1024, out var header, out var headerSize, out var remaining)
                && packet.Length >= headerSize + remaining)
            {
                MqttPacketDecoder.Decode(header, packet.AsSpan(headerSize, remaining), version);
            }
        }
        catch (MqttProtocolException)
        {
            // Expected for most inputs.
        }
        catch (Exception ex)
        {
            Assert.Fail($"iteration {iteration}: {Convert.ToHexString(packet)} threw {ex}");
        }
    }

    private static byte[][] BuildSeeds()
    {
        var writer = new PacketWriter();
        var message = new MqttApplicationMessage("gz/v1/site/device/kpi", "{\"seq\":1}"u8.ToArray())
        {
            ContentType = "application/json",
            UserProperties = [new("k", "v")],
            MessageExpiryIntervalSeconds = 60,
        };
        return
        [
            MqttPacketEncoder.Publish(writer, message, 42, false, MqttProtocolVersion.V500).ToArray(),
            MqttPacketEncoder.Publish(writer, message with { Qos = MqttQualityOfService.AtMostOnce }, 0, false, MqttProtocolVersion.V311).ToArray(),
            MqttPacketEncoder.Ack(writer, MqttPacketType.PubAck, 42, MqttReasonCode.QuotaExceeded, MqttProtocolVersion.V500).ToArray(),
            MqttPacketEncoder.Ack(writer, MqttPacketType.PubRel, 42, MqttReasonCode.Success, MqttProtocolVersion.V311).ToArray(),
            MqttPacketEncoder.Disconnect(writer, MqttReasonCode.ServerShuttingDown, MqttProtocolVersion.V500).ToArray(),
            Convert.FromHexString("201001000D21000A27000010001F00026F6B"),
            Convert.FromHexString("90050001000180"),
            Convert.FromHexString("B00400010011"),
            Convert.FromHexString("D000"),
        ];
    }
}
