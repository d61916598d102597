using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class DeviceStateTests
{
    private const string StateTopic = "gz/v1/tianhe-01/cam-01/state";

    [Fact]
    public async Task A_running_device_is_retained_online_and_a_stopped_one_offline()
    {
        using var folder = new TempFolder("gz-state");
        await using var broker = await MosquittoBroker.StartAsync();
        await using var edge = GzProcesses.StartEdge($"""
            edge: {"{"} site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow, windowSeconds: 1, stateDirectory: {folder.File("state")} {"}"}
            broker: {"{"} port: {broker.Port}, allowPlaintext: true {"}"}
            source: {"{"} profile: traffic {"}"}
            """, folder);

        Assert.Equal(DeviceState.Online, await RetainedStateAsync(broker, edge, DeviceState.Online));
        await edge.StopAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, edge.ExitCode);
        Assert.Equal(DeviceState.Offline, await RetainedStateAsync(broker, edge, DeviceState.Offline));
    }

    // A late subscriber gets the retained state at once; polls until it is the expected one (or a timeout guards the hang).
    private static async Task<string> RetainedStateAsync(MosquittoBroker broker, ChildProcess edge, string expected)
    {
        var last = "(none)";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"probe-{attempt}" });
            await client.ConnectAsync(CancellationToken.None);
            // Retain As Published: a state published live while we subscribe keeps its retain flag too.
            await client.SubscribeAsync([new MqttSubscription(StateTopic) { RetainAsPublished = true }], CancellationToken.None);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                var message = await client.Messages.ReadAsync(wait.Token);
                Assert.True(message.Retain);
                last = JsonSerializer.Deserialize(message.Payload.Span, GzJsonContext.Default.DeviceState)!.State;
                if (last == expected)
                {
                    return last;
                }
            }
            catch (OperationCanceledException)
            {
                // Nothing retained yet.
            }

            await Task.Delay(200);
        }

        return $"{last} (edge output:\n{edge.Output})";
    }
}
