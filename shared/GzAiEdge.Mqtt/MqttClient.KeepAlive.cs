using GzAiEdge.Mqtt.Internal;
using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// Sends PINGREQ when the connection has been quiet for half the keep-alive, so that the broker hears
    /// from us within the keep-alive [MQTT-3.1.2-23]. A PINGRESP that does not come within the keep-alive
    /// means a dead broker or path (MQTT 5.0 section 3.12.4): the connection is closed and the client reconnects.
    /// </summary>
    private async Task RunKeepAliveAsync(MqttConnection connection, ushort keepAliveSeconds)
    {
        if (keepAliveSeconds == 0)
        {
            return;
        }

        var keepAlive = keepAliveSeconds * 1000L;
        long pingSentAt = 0;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(keepAlive / 4, 1000)));
            while (await timer.WaitForNextTickAsync(connection.Closing))
            {
                var now = Environment.TickCount64;
                if (pingSentAt != 0 && (connection.LastReceivedTicks >= pingSentAt || connection.IsDeliveryBlocked))
                {
                    pingSentAt = 0;
                }

                if (pingSentAt != 0 && now - pingSentAt > keepAlive)
                {
                    _logger.KeepAliveTimeout(_options.ClientId, keepAliveSeconds);
                    connection.Close(new MqttException($"no PINGRESP from {_options.Host}:{_options.Port} within the keep-alive of {keepAliveSeconds} s"));
                    return;
                }

                var quiet = now - Math.Min(connection.LastSentTicks, connection.LastReceivedTicks);
                if (pingSentAt == 0 && quiet >= keepAlive / 2)
                {
                    pingSentAt = now;
                    await connection.SendAsync(0, static (writer, _) => MqttPacketEncoder.PingReq(writer), connection.Closing);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionLostException)
        {
            // The connection ended; the read loop reports why.
        }
    }
}
