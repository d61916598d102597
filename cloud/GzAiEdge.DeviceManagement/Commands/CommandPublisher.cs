using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Mqtt;

namespace GzAiEdge.DeviceManagement.Commands;

/// <summary>
/// Signs device commands with the command key (<see cref="CommandSigning"/>) and publishes them on the device's cmd
/// topic, QoS 1 and not retained (a retained command would run again on every new session of the device), through the
/// commander's own connection (<see cref="ICommandChannel"/>), and waits for the broker's PUBACK.
/// A device that is offline gets the command from its persistent session when it returns, unless it expired by then.
/// </summary>
public sealed class CommandPublisher(ICommandChannel channel, CommandSigning signing, TimeProvider time, ILogger<CommandPublisher> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <exception cref="CommandNotPublishedException">There is no command key, or the broker could not be reached in time or refused the publish.</exception>
    public async Task<string> PublishAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        command = signing.Sign(command);
        var topic = GzTopic.Create(command.Site, command.Device, MessageKind.Cmd).ToString();
        var payload = JsonSerializer.SerializeToUtf8Bytes(command, GzJsonContext.Default.DeviceCommand);
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await channel.PublishAsync(new MqttApplicationMessage(topic, payload) { Qos = MqttQualityOfService.AtLeastOnce, Retain = false }, linked.Token);
        }
        catch (Exception ex) when (ex is MqttException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = ex is MqttException ? ex.Message : $"the broker did not take it within {Timeout.TotalSeconds} s";
            CommandLog.NotPublished(logger, command.Id, topic, reason);
            throw new CommandNotPublishedException($"command not published to {topic}: {reason}", ex);
        }

        CommandLog.Published(logger, command.Id, command.Type, topic);
        return topic;
    }
}

/// <summary>A command could not be signed or handed to the broker; the message says why.</summary>
public sealed class CommandNotPublishedException(string message, Exception? inner = null) : Exception(message, inner);
