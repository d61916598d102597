namespace GzAiEdge.Mqtt.Internal;

/// <summary>The connection ended under an operation; operations that can be repeated retry on the next connection.</summary>
internal sealed class ConnectionLostException : MqttException
{
    public ConnectionLostException(string message, Exception? innerException = null)
        : base(message, innerException ?? new IOException(message))
    {
    }
}
