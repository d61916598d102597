namespace GzAiEdge.Mqtt.Internal;

/// <summary>What the read loop reuses across messages and reconnects: interned topic names and pooled payload buffers.</summary>
internal sealed class InboundBuffers(int payloadCapacity)
{
    public TopicCache Topics { get; } = new();

    public PayloadPool Payloads { get; } = new(payloadCapacity);
}
