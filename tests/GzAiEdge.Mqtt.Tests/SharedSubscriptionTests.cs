using System.Collections.Concurrent;
using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

[Trait(TestCategory.Key, TestCategory.Servers)]
public class SharedSubscriptionTests
{
    [Fact]
    public async Task Shared_subscription_splits_messages_between_group_members_without_duplicates()
    {
        const int Count = 2000;
        await using var broker = await MosquittoBroker.StartAsync();
        await using var a = await ConnectAsync(Options(broker, "ingest-a"));
        await using var b = await ConnectAsync(Options(broker, "ingest-b"));
        await a.SubscribeAsync([new MqttSubscription("$share/g/gz/v1/+/+/kpi")], Timeout());
        await b.SubscribeAsync([new MqttSubscription("$share/g/gz/v1/+/+/kpi")], Timeout());
        var received = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        using var stop = new CancellationTokenSource(Patience);
        var readers = new[] { (a, "a"), (b, "b") }.Select(c => Task.Run(async () =>
        {
            await foreach (var message in c.Item1.Messages.ReadAllAsync(stop.Token))
            {
                received.GetOrAdd(Text(message), _ => []).Add(c.Item2);
                if (received.Count == Count)
                {
                    await stop.CancelAsync();
                }
            }
        })).ToArray();

        await using (var publisher = await ConnectAsync(Options(broker, "device")))
        {
            await Task.WhenAll(Enumerable.Range(0, Count).Select(i => publisher.PublishAsync(Message("gz/v1/s/d/kpi", $"{i}"), Timeout()).AsTask()));
        }

        await Task.WhenAll(readers).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Equal(Count, received.Count);
        Assert.All(received.Values, receivers => Assert.Single(receivers));
        Assert.Contains(received.Values, r => r.Single() == "a");
        Assert.Contains(received.Values, r => r.Single() == "b");
    }
}
