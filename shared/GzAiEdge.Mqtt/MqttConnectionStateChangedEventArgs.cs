namespace GzAiEdge.Mqtt;

/// <summary>The client connected or lost its connection.</summary>
public sealed class MqttConnectionStateChangedEventArgs : EventArgs
{
    private MqttConnectionStateChangedEventArgs(bool isConnected, bool sessionPresent, MqttReasonCode? reasonCode, Exception? exception)
    {
        IsConnected = isConnected;
        SessionPresent = sessionPresent;
        ReasonCode = reasonCode;
        Exception = exception;
    }

    /// <summary>True after a CONNACK was accepted, false after the connection ended.</summary>
    public bool IsConnected { get; }

    /// <summary>On connect: whether the broker resumed the session.</summary>
    public bool SessionPresent { get; }

    /// <summary>On disconnect: the reason code sent or received in DISCONNECT, if there was one.</summary>
    public MqttReasonCode? ReasonCode { get; }

    /// <summary>On disconnect: why the connection ended, or null after a requested disconnect.</summary>
    public Exception? Exception { get; }

    internal static MqttConnectionStateChangedEventArgs Connected(bool sessionPresent) => new(true, sessionPresent, null, null);

    internal static MqttConnectionStateChangedEventArgs Disconnected(MqttReasonCode? reasonCode, Exception? exception) =>
        new(false, false, reasonCode, exception);
}
