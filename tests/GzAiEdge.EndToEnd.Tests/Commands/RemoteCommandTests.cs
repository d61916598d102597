using System.Text.Json;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests.Commands;

/// <summary>Who may command a device, and what the device refuses: keys it does not allow, bad values, expired and replayed commands.</summary>
[Collection(CommandCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class RemoteCommandTests(CommandRig rig)
{
    [Fact]
    public async Task Config_set_applies_and_keeps_an_allowed_key_and_refuses_a_key_not_allowed_or_a_bad_value()
    {
        var applied = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ConfigSet, new() { ["Pipeline:DecisionThreshold"] = "0.7" }));
        var notAllowed = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ConfigSet, new() { ["Source:Labelled"] = "true" }));
        var badValue = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ConfigSet, new() { ["Pipeline:DecisionThreshold"] = "1.5", ["Source:Speed"] = "fast" }));

        Assert.Equal([CommandEvents.Accepted, CommandEvents.Succeeded], applied.Select(a => a.Code));
        Assert.StartsWith("Pipeline:DecisionThreshold = 0.7 set and kept in", applied[^1].Message, StringComparison.Ordinal);
        var kept = DeviceStateFiles.Read(Path.Combine(rig.State, $"{CommandRig.Device}.config-overrides.json"), DeviceStateFiles.Overrides)!;
        Assert.Equal("0.7", kept["Pipeline:DecisionThreshold"].Value);
        Assert.Equal(applied[0].CommandId, kept["Pipeline:DecisionThreshold"].Command);

        Assert.Equal(CommandEvents.Rejected, Assert.Single(notAllowed).Code);
        Assert.Equal("not allowed on this device: Source:Labelled; commands:configKeys allows Pipeline:DecisionThreshold, Source:Speed; nothing changed", notAllowed[0].Message);
        Assert.Equal(CommandEvents.Rejected, Assert.Single(badValue).Code);
        Assert.Contains("'fast'", badValue[0].Message, StringComparison.Ordinal);
        Assert.Equal("0.7", DeviceStateFiles.Read(Path.Combine(rig.State, $"{CommandRig.Device}.config-overrides.json"), DeviceStateFiles.Overrides)!["Pipeline:DecisionThreshold"].Value);
    }

    [Fact]
    public async Task A_value_the_validators_refuse_is_rejected_with_their_reason()
    {
        var answers = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ConfigSet, new() { ["Pipeline:DecisionThreshold"] = "1.5" }));

        var rejected = Assert.Single(answers);
        Assert.Equal(CommandEvents.Rejected, rejected.Code);
        Assert.StartsWith($"Pipeline:DecisionThreshold (from command {rejected.CommandId}): 1.5 is outside 0 < value < 1", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_command_and_a_replayed_one_are_refused_with_an_event()
    {
        // A second cloud instance's commander: the broker binds each identity to one client id, and the cloud under
        // test holds instance 1's.
        await using var cloud = await rig.Site.ConnectAsync("cloud/commander-2", "test-cloud");
        using var key = CommandSigner.FromPemFile(rig.CommandKey);
        var now = DateTimeOffset.UtcNow;
        var expired = key.Sign(Command(now.AddMinutes(-20), now.AddMinutes(-10)));
        var restart = key.Sign(Command(now, now.AddMinutes(10)));

        await PublishAsync(cloud, expired);
        await PublishAsync(cloud, restart);
        var first = await rig.AnswersAsync(restart.Id);
        await PublishAsync(cloud, restart);

        var refused = Assert.Single(await rig.AnswersAsync(expired.Id));
        Assert.Equal(CommandEvents.Rejected, refused.Code);
        Assert.StartsWith($"expired at {expired.Expires:O}", refused.Message, StringComparison.Ordinal);
        Assert.Equal([CommandEvents.Accepted, CommandEvents.Succeeded], first.Select(a => a.Code));
        await rig.WaitForAsync(async () => (await rig.AnswersAsync(restart.Id)).Count == 3, "the answer to the replayed command");
        var replayed = (await rig.AnswersAsync(restart.Id))[^1];
        Assert.Equal(CommandEvents.Rejected, replayed.Code);
        Assert.Contains("already received at", replayed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_broker_lets_a_device_neither_read_another_devices_commands_nor_send_commands()
    {
        // ward-06 (provisioned, not running: the broker binds each identity to one client id, and the running worker
        // holds ward-05's) tries to read ward-05's commands and to send commands; the commander is a second instance's.
        await using var device = await rig.Site.ConnectAsync("devices/ward-06", "test-ward-06");
        await using var cloud = await rig.Site.ConnectAsync("cloud/commander-2", "test-cloud-acl");
        var now = DateTimeOffset.UtcNow;

        // Expired, so that the running ward-05 refuses it and nothing changes there.
        var forOther = Command(now.AddMinutes(-2), now.AddMinutes(-1));
        var forThis = Command(now, now.AddMinutes(1)) with { Device = "ward-06" };

        // Mosquitto 2.0 grants the subscription and checks the read ACL on each message it would deliver.
        await device.SubscribeAsync([new MqttSubscription($"gz/v1/{CommandRig.SiteId}/{CommandRig.Device}/cmd"), new MqttSubscription($"gz/v1/{CommandRig.SiteId}/ward-06/cmd")], CancellationToken.None);
        await PublishAsync(cloud, forOther);
        await PublishAsync(cloud, forThis, "ward-06");
        var toOther = await Assert.ThrowsAsync<MqttPublishException>(() => PublishAsync(device, forOther));
        var toSelf = await Assert.ThrowsAsync<MqttPublishException>(() => PublishAsync(device, forThis, "ward-06"));

        // The broker delivers one client's messages in order: the first to arrive is this device's own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = await device.Messages.ReadAsync(timeout.Token);
        Assert.Equal($"gz/v1/{CommandRig.SiteId}/ward-06/cmd", first.Topic);
        Assert.Equal(forThis.Id, JsonSerializer.Deserialize(first.Payload.Span, GzJsonContext.Default.DeviceCommand)!.Id);
        Assert.Equal(MqttReasonCode.NotAuthorized, toOther.ReasonCode);
        Assert.Equal(MqttReasonCode.NotAuthorized, toSelf.ReasonCode);
    }

    private static DeviceCommand Command(DateTimeOffset issued, DateTimeOffset expires) => new()
    {
        V = ContractVersion.Current,
        Id = Guid.NewGuid().ToString("N"),
        Site = CommandRig.SiteId,
        Device = CommandRig.Device,
        Issued = issued,
        Expires = expires,
        Type = CommandTypes.PipelineRestart,
    };

    private static Task PublishAsync(MqttClient client, DeviceCommand command, string device = CommandRig.Device) =>
        client.PublishAsync(new MqttApplicationMessage($"gz/v1/{CommandRig.SiteId}/{device}/cmd",
            JsonSerializer.SerializeToUtf8Bytes(command, GzJsonContext.Default.DeviceCommand)), CancellationToken.None).AsTask();
}
