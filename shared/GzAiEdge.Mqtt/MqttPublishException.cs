namespace GzAiEdge.Mqtt;

/// <summary>The broker rejected a QoS 1/2 publish (PUBACK or PUBREC reason code 0x80 or above).</summary>
public sealed class MqttPublishException : MqttException
{
    /// <summary>Creates the exception.</summary>
    public MqttPublishException(MqttReasonCode reasonCode, string message)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The reason code the broker answered with.</summary>
    public MqttReasonCode ReasonCode { get; }
}
