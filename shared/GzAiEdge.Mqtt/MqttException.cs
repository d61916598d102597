namespace GzAiEdge.Mqtt;

/// <summary>Base of every exception the MQTT client throws.</summary>
public class MqttException : Exception
{
    /// <summary>Creates an exception without a message.</summary>
    public MqttException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public MqttException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public MqttException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
