using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>A SUBSCRIBE or UNSUBSCRIBE waiting for its SUBACK or UNSUBACK.</summary>
internal sealed class PendingRequest(MqttPacketType expectedAck)
    : TaskCompletionSource<InboundPacket>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public MqttPacketType ExpectedAck { get; } = expectedAck;
}
