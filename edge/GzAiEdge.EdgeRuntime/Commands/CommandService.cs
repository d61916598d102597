using System.Text.Json;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Commands.Audits;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// Receives the device's commands (its own <c>cmd</c> topic, QoS 1, on the persistent session, so commands sent
/// while it was away arrive when it returns) and runs them one at a time. Before anything runs, a command must be
/// signed by one of the device's command keys (<see cref="CommandKeyRing"/>, checked before anything else the
/// command says), well formed and for this device, not expired, not received before (<see cref="CommandLedger"/>)
/// and of a type <c>commands: enabled</c> lists; otherwise it is rejected with an event saying why.
/// </summary>
public sealed class CommandService(
    IOptions<EdgeOptions> edge,
    IOptions<CommandOptions> options,
    EdgeConnection connection,
    CommandKeyRing keys,
    CommandLedger ledger,
    CommandReporter reporter,
    PipelineCommands pipelines,
    ModelUpdateCommand models,
    AuditRunCommand audits,
    Evidence.EvidenceFetchCommand evidence,
    TimeProvider time,
    ILogger<CommandService> logger) : BackgroundService
{
    /// <summary>How far in the future a command's issue time may lie (clocks differ a little).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Largest command payload read at all: the most arguments a command may carry, with room to spare.</summary>
    public const int MaxCommandBytes = 64 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        models.FinishInterruptedTrial();
        var topic = GzTopic.Create(edge.Value.Site, edge.Value.Device, MessageKind.Cmd);
        await connection.WhenFirstConnectedAsync(stoppingToken);
        var codes = await connection.Client.SubscribeAsync([new MqttSubscription(topic.ToString())], stoppingToken);
        if (codes[0] >= MqttReasonCode.UnspecifiedError)
        {
            EdgeLog.CommandsRefused(logger, topic.ToString(), $"{codes[0]} (0x{(byte)codes[0]:X2})");
            return;
        }

        EdgeLog.CommandsSubscribed(logger, topic.ToString());
        await foreach (var message in connection.Client.Messages.ReadAllAsync(stoppingToken))
        {
            try
            {
                await HandleAsync(message, topic, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // One command must not end the device's command loop, whatever it threw.
                EdgeLog.CommandCrashed(logger, IdOf(message.Payload.Span), ex);
                reporter.Report(IdOf(message.Payload.Span), CommandResult.Failed($"unexpected error: {ex.Message}"));
            }
        }
    }

    private async Task HandleAsync(MqttReceivedMessage message, GzTopic topic, CancellationToken cancellationToken)
    {
        if (message.Topic != topic.ToString())
        {
            EdgeLog.CommandIgnored(logger, message.Topic, $"not this device's command topic {topic}");
            await connection.Client.AcknowledgeAsync(message, cancellationToken);
            return;
        }

        DeviceCommand? command;
        string? refusal;
        try
        {
            (command, refusal) = Check(message.Payload.Span, topic);
        }
        finally
        {
            // Acknowledgements go out in receive order: one held back would hold back every later command's.
            await connection.Client.AcknowledgeAsync(message, cancellationToken);
        }

        if (refusal is not null)
        {
            reporter.Report(command?.Id, CommandResult.Rejected(refusal));
            return;
        }

        var result = command!.Type switch
        {
            CommandTypes.ConfigSet => await pipelines.SetConfigAsync(command, cancellationToken),
            CommandTypes.PipelineRestart => await pipelines.RestartAsync(command, cancellationToken),
            CommandTypes.AuditRun => await audits.RunAsync(command, cancellationToken),
            CommandTypes.EvidenceFetch => await evidence.RunAsync(command, cancellationToken),
            _ => await models.RunAsync(command, cancellationToken),
        };
        reporter.Report(command.Id, result);
    }

    // The signature is checked before anything the command says: until it verified, the payload is only bytes from
    // whoever could publish on this topic, so it is parsed (the check needs the fields) but nothing in it is acted
    // on, its id included. A refusal then answers no command id and quotes the claimed one in words: a forged
    // command carrying a real command's id must not end that command's answers.
    // The id of a signed command is recorded (durably) before the broker gets its acknowledgement, so a command is
    // never run twice; one that fails a check before that is not recorded, and its redelivery is refused for the same reason.
    private (DeviceCommand? Command, string? Refusal) Check(ReadOnlySpan<byte> payload, GzTopic topic)
    {
        if (payload.Length > MaxCommandBytes)
        {
            return (null, $"{payload.Length} bytes is no command (at most {MaxCommandBytes} are read); nothing run");
        }

        if (!MessageReader.TryParse(payload, GzJsonContext.Default.DeviceCommand, out var unverified, out var errors))
        {
            return (null, $"not a readable command for {topic.Site}/{topic.Device}: {ContractError.Join(errors)}; nothing run");
        }

        if (keys.Check(unverified) is { IsValid: false } signature)
        {
            var claimed = Identifiers.Check(unverified.Id) is null ? $"claimed id '{unverified.Id}'" : "claimed no usable id";
            return (null, $"{signature.Why}; the command {claimed}; nothing run");
        }

        var command = unverified;
        if (MessageReader.Check(command, topic) is { Count: > 0 } invalid)
        {
            return (command, $"not a valid command for {topic.Site}/{topic.Device}: {ContractError.Join(invalid)}");
        }

        var now = time.GetUtcNow();
        if (now > command.Expires)
        {
            return (command, $"expired at {command.Expires:O} (device time {now:O})");
        }

        if (command.Issued > now + ClockSkew)
        {
            return (command, $"issued at {command.Issued:O}, after the device's time {now:O}; check the clocks");
        }

        if (ledger.Record(command, now) is { } seen)
        {
            return (command, $"already received at {seen:O}; a command runs at most once");
        }

        var enabled = options.Value.Enabled;
        return enabled.Contains(command.Type)
            ? (command, null)
            : (command, $"{command.Type} is not enabled on this device (commands: enabled: [{string.Join(", ", enabled)}])");
    }

    // The id of a command too broken to read, so that its rejection can still name it.
    private static string? IdOf(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && Identifiers.Check(id.GetString()) is null
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
