namespace GzAiEdge.Mqtt;

/// <summary>The MQTT protocol level sent in CONNECT (MQTT 5.0 section 3.1.2.2).</summary>
public enum MqttProtocolVersion : byte
{
    /// <summary>MQTT 3.1.1 (protocol level 4).</summary>
    V311 = 4,

    /// <summary>MQTT 5.0 (protocol level 5).</summary>
    V500 = 5,
}
