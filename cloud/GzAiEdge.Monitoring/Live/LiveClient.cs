using GzAiEdge.Mqtt;

namespace GzAiEdge.Monitoring.Live;

/// <summary>The live feed's MQTT client once it is connected; alerts are published through it.</summary>
public sealed class LiveClient
{
    private readonly TaskCompletionSource<MqttClient> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<MqttClient> Connected => _connected.Task;

    internal void SetConnected(MqttClient client) => _connected.TrySetResult(client);
}
