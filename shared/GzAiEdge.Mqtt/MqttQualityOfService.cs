namespace GzAiEdge.Mqtt;

/// <summary>Delivery guarantee of a PUBLISH (MQTT 5.0 section 4.3).</summary>
public enum MqttQualityOfService : byte
{
    /// <summary>QoS 0: fire and forget.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: acknowledged with PUBACK, may be delivered more than once.</summary>
    AtLeastOnce = 1,

    /// <summary>QoS 2: four-way handshake, delivered once.</summary>
    ExactlyOnce = 2,
}
