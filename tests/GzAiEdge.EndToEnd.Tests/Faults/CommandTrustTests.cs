using System.Text.Json;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.EndToEnd.Tests.Commands;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// Fault table, cloud to device: an attacker holding a cloud commander's broker password (it may publish on every cmd
/// topic) but not its command key. Forged and replayed commands are refused with an event naming why and change
/// nothing; the device keeps reporting, and every refusal reaches the cloud.
/// </summary>
[Collection(CommandCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class CommandTrustTests(CommandRig rig, ITestOutputHelper output)
{
    private string Overrides => Path.Combine(rig.State, $"{CommandRig.Device}.config-overrides.json");

    [Fact]
    public async Task Forged_commands_unsigned_signed_with_another_key_or_altered_after_signing_are_refused_and_change_nothing()
    {
        await using var attacker = await rig.Site.ConnectAsync("cloud/commander-2", "attacker");
        using var commandKey = CommandSigner.FromPemFile(rig.CommandKey);
        using var otherKey = CommandSigner.Create();
        var before = File.Exists(Overrides) ? File.ReadAllText(Overrides) : null;
        var (unsigned, foreign) = (SetThreshold("0.05"), otherKey.Sign(SetThreshold("0.05")));
        var genuine = commandKey.Sign(SetThreshold("0.5"));
        var altered = genuine with { Id = NewId(), Arguments = new Dictionary<string, string> { ["Pipeline:DecisionThreshold"] = "0.05" } };

        foreach (var forged in new[] { unsigned, foreign, altered })
        {
            await PublishAsync(attacker, forged);
        }

        var refusals = new[] { await rig.RefusalOfAsync(unsigned.Id), await rig.RefusalOfAsync(foreign.Id), await rig.RefusalOfAsync(altered.Id) };

        Assert.All(refusals, r => Assert.Equal((CommandEvents.Rejected, (string?)null), (r.Code, r.CommandId)));
        Assert.StartsWith("unsigned: the command carries no kid and sig", refusals[0].Message, StringComparison.Ordinal);
        Assert.StartsWith($"unknown key: signed with key '{otherKey.Kid}', which is not one of this device's command keys ({commandKey.Kid};", refusals[1].Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad signature: does not verify with command key {commandKey.Kid}", refusals[2].Message, StringComparison.Ordinal);
        Assert.All(refusals, r => Assert.EndsWith("; nothing run", r.Message, StringComparison.Ordinal));
        Assert.Equal(before, File.Exists(Overrides) ? File.ReadAllText(Overrides) : null);
        Assert.Empty(await rig.EventsOfAsync(unsigned.Id));
        await rig.LatestReportAsync(DateTimeOffset.UtcNow);
        output.WriteLine($"forged commands: 3 sent (unsigned, key {otherKey.Kid}, altered), 3 refused with their reason, 0 run; reports after them stored");
    }

    [Fact]
    public async Task A_captured_command_replayed_as_it_is_is_refused_and_runs_once()
    {
        // Captured with a live-feed identity (it reads cmd topics) and replayed with a commander's (it may write them).
        await using var spy = await rig.Site.ConnectAsync("cloud/live-2", "spy");
        await using var replayer = await rig.Site.ConnectAsync("cloud/commander-2", "replayer");
        await spy.SubscribeAsync([new MqttSubscription($"gz/v1/{CommandRig.SiteId}/{CommandRig.Device}/cmd")], CancellationToken.None);
        var id = await rig.SendAsync(CommandTypes.PipelineRestart);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var captured = await spy.Messages.ReadAsync(timeout.Token);
        var first = await rig.AnswersAsync(id);

        await replayer.PublishAsync(new MqttApplicationMessage(captured.Topic, captured.Payload.ToArray()), CancellationToken.None);
        await rig.WaitForAsync(async () => (await rig.AnswersAsync(id)).Count == first.Count + 1, "the answer to the replayed command");

        var answers = await rig.AnswersAsync(id);
        Assert.Equal(id, JsonSerializer.Deserialize(captured.Payload.Span, GzJsonContext.Default.DeviceCommand)!.Id);
        Assert.Equal([CommandEvents.Accepted, CommandEvents.Succeeded, CommandEvents.Rejected], answers.Select(a => a.Code));
        Assert.Contains("already received at", answers[^1].Message, StringComparison.Ordinal);
        Assert.Single(answers, a => a.Code == CommandEvents.Accepted);
        output.WriteLine($"replayed command: captured on the wire and sent again, refused ({answers[^1].Message}); it ran once");
    }

    private static DeviceCommand SetThreshold(string value)
    {
        var now = DateTimeOffset.UtcNow;
        return new DeviceCommand
        {
            V = ContractVersion.Current,
            Id = NewId(),
            Site = CommandRig.SiteId,
            Device = CommandRig.Device,
            Issued = now,
            Expires = now.AddMinutes(5),
            Type = CommandTypes.ConfigSet,
            Arguments = new Dictionary<string, string> { ["Pipeline:DecisionThreshold"] = value },
        };
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static Task PublishAsync(MqttClient client, DeviceCommand command) =>
        client.PublishAsync(new MqttApplicationMessage($"gz/v1/{CommandRig.SiteId}/{CommandRig.Device}/cmd",
            JsonSerializer.SerializeToUtf8Bytes(command, GzJsonContext.Default.DeviceCommand)), CancellationToken.None).AsTask();
}
