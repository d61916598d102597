namespace GzAiEdge.Mqtt;

/// <summary>The broker refused the connection (CONNACK reason code 0x80 or above).</summary>
public sealed class MqttConnectException : MqttException
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectException(MqttReasonCode reasonCode, string message)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The CONNACK reason code; MQTT 3.1.1 return codes are mapped (4 → 0x86, 5 → 0x87, …).</summary>
    public MqttReasonCode ReasonCode { get; }
}
