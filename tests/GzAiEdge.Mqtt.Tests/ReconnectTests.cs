using System.Collections.Concurrent;
using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

[Trait(TestCategory.Key, TestCategory.Servers)]
public class ReconnectTests
{
    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Publishes_complete_and_a_persistent_subscriber_gets_everything_across_a_broker_restart(MqttProtocolVersion version)
    {
        const int Count = 300;
        await using var broker = await MosquittoBroker.StartAsync();
        var persistent = new Func<string, MqttClientOptions>(id => Options(broker, id, version) with
        {
            CleanStart = false,
            SessionExpiryIntervalSeconds = 300,
        });
        await using var subscriber = await ConnectAsync(persistent("ingest"));
        await subscriber.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], Timeout());
        await using var publisher = await ConnectAsync(persistent("device"));
        var received = new ConcurrentDictionary<string, bool>();
        using var stop = new CancellationTokenSource(Patience);
        var reader = Task.Run(async () =>
        {
            await foreach (var message in subscriber.Messages.ReadAllAsync(stop.Token))
            {
                received[Text(message)] = true;
                if (received.Count == Count)
                {
                    return;
                }
            }
        });

        var publishes = new List<Task>();
        for (var i = 0; i < Count; i++)
        {
            publishes.Add(publisher.PublishAsync(Message("gz/v1/s/d/kpi", $"{i}"), Timeout()).AsTask());
            if (i == Count / 3)
            {
                await broker.RestartAsync();
            }
        }

        await Task.WhenAll(publishes);
        await reader;
        Assert.Equal(Count, received.Count);
    }

    [Fact]
    public async Task Subscriptions_are_restored_when_the_broker_lost_the_session()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await ConnectAsync(Options(broker, "volatile"));
        await subscriber.SubscribeAsync([new MqttSubscription("gz/v1/+/+/state")], Timeout());
        var connected = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.ConnectionStateChanged += (_, e) =>
        {
            if (e.IsConnected)
            {
                connected.TrySetResult(e.SessionPresent);
            }
        };

        await broker.RestartAsync();
        Assert.False(await connected.Task.WaitAsync(Patience));
        await using var publisher = await ConnectAsync(Options(broker, "device"));
        var token = Timeout();

        // QoS 0 until one arrives: the resubscription completes shortly after CONNACK, at a moment the test cannot see.
        while (!subscriber.Messages.TryRead(out _))
        {
            await publisher.PublishAsync(Message("gz/v1/s/d/state", "up", MqttQualityOfService.AtMostOnce), token);
            await Task.Delay(50, token);
        }
    }
}
