namespace GzAiEdge.Mqtt;

/// <summary>The peer sent a malformed, oversized or out-of-protocol packet; the connection is closed with <see cref="ReasonCode"/>.</summary>
public sealed class MqttProtocolException : MqttException
{
    /// <summary>Creates the exception.</summary>
    public MqttProtocolException(MqttReasonCode reasonCode, string message)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The reason code sent in DISCONNECT (MQTT 5): 0x81 malformed, 0x82 protocol error, 0x95 packet too large, ….</summary>
    public MqttReasonCode ReasonCode { get; }
}
