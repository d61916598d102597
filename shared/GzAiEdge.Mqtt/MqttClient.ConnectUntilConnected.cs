using GzAiEdge.Mqtt.Internal;

namespace GzAiEdge.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// The first connect of a long-running service: retries with the same backoff as reconnects
    /// (<see cref="MqttClientOptions.ReconnectDelayMin"/> to <see cref="MqttClientOptions.ReconnectDelayMax"/>,
    /// with jitter) until the broker accepts, so that a device or service started before its broker
    /// simply waits for it. <paramref name="onRetry"/> is told each failure and the delay before the next try.
    /// </summary>
    public async Task<MqttConnectResult> ConnectUntilConnectedAsync(Action<MqttException, TimeSpan> onRetry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onRetry);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ConnectAsync(cancellationToken);
            }
            catch (MqttException ex)
            {
                var delay = ReconnectBackoff.Delay(attempt, _options.ReconnectDelayMin, _options.ReconnectDelayMax);
                onRetry(ex, delay);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }
}
