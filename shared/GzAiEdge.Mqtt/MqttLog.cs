using Microsoft.Extensions.Logging;

namespace GzAiEdge.Mqtt;

/// <summary>Source-generated log messages of the MQTT client (event ids 1000-1099).</summary>
internal static partial class MqttLog
{
    [LoggerMessage(1000, LogLevel.Information, "MQTT client {ClientId} connected to {Host}:{Port} (session present: {SessionPresent})")]
    public static partial void Connected(this ILogger logger, string clientId, string host, int port, bool sessionPresent);

    [LoggerMessage(1001, LogLevel.Warning, "MQTT client {ClientId} lost its connection")]
    public static partial void ConnectionLost(this ILogger logger, string clientId, Exception? exception);

    [LoggerMessage(1002, LogLevel.Debug, "MQTT client {ClientId} reconnects in {DelayMilliseconds} ms (attempt {Attempt})")]
    public static partial void ReconnectScheduled(this ILogger logger, string clientId, double delayMilliseconds, int attempt);

    [LoggerMessage(1003, LogLevel.Warning, "MQTT client {ClientId} reconnect attempt {Attempt} failed: {Reason}")]
    public static partial void ReconnectFailed(this ILogger logger, string clientId, int attempt, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "MQTT client {ClientId} closes the connection: broker violated the protocol ({ReasonCode}): {Reason}")]
    public static partial void ProtocolViolation(this ILogger logger, string clientId, MqttReasonCode reasonCode, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "MQTT client {ClientId}: no PINGRESP within {KeepAliveSeconds} s, the broker is treated as unreachable")]
    public static partial void KeepAliveTimeout(this ILogger logger, string clientId, int keepAliveSeconds);

    [LoggerMessage(1006, LogLevel.Information, "MQTT client {ClientId} disconnected ({ReasonCode})")]
    public static partial void Disconnected(this ILogger logger, string clientId, MqttReasonCode reasonCode);

    [LoggerMessage(1007, LogLevel.Debug, "MQTT client {ClientId} ignored {PacketType} for unknown packet id {PacketId}")]
    public static partial void UnknownPacketId(this ILogger logger, string clientId, string packetType, ushort packetId);

    [LoggerMessage(1008, LogLevel.Warning, "MQTT client {ClientId} could not restore its subscriptions after a reconnect")]
    public static partial void ResubscribeFailed(this ILogger logger, string clientId, Exception exception);

    [LoggerMessage(1009, LogLevel.Error, "A ConnectionStateChanged handler of MQTT client {ClientId} threw")]
    public static partial void EventHandlerFailed(this ILogger logger, string clientId, Exception exception);

    [LoggerMessage(1010, LogLevel.Information, "MQTT client {ClientId} resends {Count} unacknowledged publishes (DUP: {Duplicate})")]
    public static partial void Resending(this ILogger logger, string clientId, int count, bool duplicate);

    [LoggerMessage(1012, LogLevel.Warning, "MQTT client {ClientId}: the broker sent more than the Receive Maximum of {ReceiveMaximum} unacknowledged messages; carrying on (Mosquitto 2.0.11 does this, eclipse-mosquitto/mosquitto#2301)")]
    public static partial void ReceiveMaximumExceeded(this ILogger logger, string clientId, int receiveMaximum);

    [LoggerMessage(1011, LogLevel.Debug, "MQTT client {ClientId} could not send an acknowledgement; the broker will redeliver")]
    public static partial void AcknowledgementFailed(this ILogger logger, string clientId, Exception exception);
}
