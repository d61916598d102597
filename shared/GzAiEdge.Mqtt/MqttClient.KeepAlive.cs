using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>Called by the process-wide <see cref="ConnectionTimer"/> for each connection of this client.</summary>
    internal void OnTimer(MqttConnection connection, long now)
    {
        if (connection.KeepAliveMilliseconds > 0)
        {
            CheckKeepAlive(connection, now);
        }

        connection.ReleaseIdleBuffers(now);
    }

    /// <summary>
    /// Sends PINGREQ when the connection has
    /// been quiet for half the keep-alive, so that the broker hears from us within the keep-alive
    /// [MQTT-3.1.2-23]. A PINGRESP that does not come within the keep-alive means a dead broker or path
    /// (MQTT 5.0 section 3.12.4): the connection is closed and the client reconnects.
    /// </summary>
    private void CheckKeepAlive(MqttConnection connection, long now)
    {
        var keepAlive = connection.KeepAliveMilliseconds;
        var pingSentAt = connection.PingSentAt;
        if (pingSentAt != 0 && (connection.LastReceivedTicks >= pingSentAt || connection.IsDeliveryBlocked))
        {
            pingSentAt = connection.PingSentAt = 0;
        }

        if (pingSentAt != 0 && now - pingSentAt > keepAlive)
        {
            var seconds = (int)(keepAlive / 1000);
            _logger.KeepAliveTimeout(_options.ClientId, seconds);
            connection.Close(new MqttException($"no PINGRESP from {_options.Host}:{_options.Port} within the keep-alive of {seconds} s"));
            return;
        }

        var quiet = now - Math.Min(connection.LastSentTicks, connection.LastReceivedTicks);
        if (pingSentAt == 0 && quiet >= keepAlive / 2)
        {
            connection.PingSentAt = now;
            _ = SendPingAsync(connection);
        }
    }

    private static async Task SendPingAsync(MqttConnection connection)
    {
        try
        {
            await connection.SendAsync(0, static (writer, _) => MqttPacketEncoder.PingReq(writer), connection.Closing);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionLostException)
        {
            // The connection ended; the read loop reports why.
        }
    }
}
