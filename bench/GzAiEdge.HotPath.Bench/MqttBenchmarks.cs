using BenchmarkDotNet.Attributes;
using GzAiEdge.Mqtt;
using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.HotPath.Bench;

/// <summary>The MQTT client's per-message work without the socket: PUBLISH in, PUBLISH and PUBACK out.</summary>
[MemoryDiagnoser]
[InProcess]
public class MqttBenchmarks
{
    private const int Burst = 100;
    private readonly InboundBuffers _buffers = new(1024);
    private readonly PacketWriter _writer = new(pooled: true);
    private byte[] _publish = [];
    private MqttApplicationMessage _message;

    [GlobalSetup]
    public void Setup()
    {
        var payload = SignedReports.Payload(7);
        _message = new MqttApplicationMessage(SignedReports.Topic(7), payload);
        _publish = MqttPacketEncoder.Publish(new PacketWriter(), _message, 42, false, MqttProtocolVersion.V500).ToArray();
    }

    /// <summary>A QoS 1 PUBLISH of a signed KPI report decoded into a pooled message, then released.</summary>
    [Benchmark]
    public ushort DecodePublish()
    {
        MqttFrame.TryReadHeader(_publish, 1 << 20, out var header, out var headerSize, out var remaining);
        var packet = MqttPacketDecoder.Decode(header, _publish.AsSpan(headerSize, remaining), MqttProtocolVersion.V500, _buffers);
        packet.Message.Dispose();
        return packet.PacketId;
    }

    /// <summary>A burst of QoS 1 PUBLISH packets encoded back to back, as the publish pump writes them (per packet).</summary>
    [Benchmark(OperationsPerInvoke = Burst)]
    public int EncodePublishBurst()
    {
        _writer.Reset();
        for (ushort id = 1; id <= Burst; id++)
        {
            MqttPacketEncoder.Publish(_writer, _message, id, false, MqttProtocolVersion.V500);
        }

        var length = _writer.Written.Length;
        _writer.ReleaseBuffer();
        return length;
    }

    /// <summary>A burst of PUBACKs encoded back to back, as a batch acknowledgement writes them (per packet).</summary>
    [Benchmark(OperationsPerInvoke = Burst)]
    public int EncodePubAckBurst()
    {
        _writer.Reset();
        for (ushort id = 1; id <= Burst; id++)
        {
            MqttPacketEncoder.Ack(_writer, MqttPacketType.PubAck, id, MqttReasonCode.Success, MqttProtocolVersion.V500);
        }

        var length = _writer.Written.Length;
        _writer.ReleaseBuffer();
        return length;
    }
}
