using GzAiEdge.Mqtt;

namespace GzAiEdge.Monitoring.Live;

/// <summary>Publishes on this instance's live connection to the broker once it is up (alerts go out on it).</summary>
public interface ILivePublisher
{
    /// <summary>Waits for the connection, then publishes and waits for the broker's acknowledgement at the message's QoS.</summary>
    /// <exception cref="MqttException">The broker refused the publish or the connection was lost.</exception>
    Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken);
}
