using GzAiEdge.Mqtt;

namespace GzAiEdge.Monitoring.Live;

/// <summary>The live feed's MQTT client once it is connected (identity <c>Broker:Live</c>); alerts are published through it.</summary>
public sealed class LiveClient : ILivePublisher
{
    private readonly TaskCompletionSource<MqttClient> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var client = await _connected.Task.WaitAsync(cancellationToken);
        await client.PublishAsync(message, cancellationToken);
    }

    internal void SetConnected(MqttClient client) => _connected.TrySetResult(client);
}
