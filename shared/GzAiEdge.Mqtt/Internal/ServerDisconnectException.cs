namespace GzAiEdge.Mqtt.Internal;

/// <summary>The broker sent DISCONNECT (MQTT 5.0 section 3.14).</summary>
internal sealed class ServerDisconnectException(MqttReasonCode reasonCode, string message) : MqttException(message)
{
    public MqttReasonCode ReasonCode { get; } = reasonCode;
}
