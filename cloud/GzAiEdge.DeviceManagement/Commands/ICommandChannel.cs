using GzAiEdge.Mqtt;

namespace GzAiEdge.DeviceManagement.Commands;

/// <summary>Where device commands are published: the commander's own connection to the broker (<see cref="CommanderConnection"/>).</summary>
public interface ICommandChannel
{
    /// <summary>Connects when not yet connected, then publishes and waits for the broker's acknowledgement at the message's QoS.</summary>
    /// <exception cref="MqttException">The broker refused the connection or the publish, or the connection was lost.</exception>
    Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken);
}
