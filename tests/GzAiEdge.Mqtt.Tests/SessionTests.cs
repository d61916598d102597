using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

/// <summary>Persistent sessions, manual acknowledgement and redelivery against a real Mosquitto.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public class SessionTests
{
    private static MqttClientOptions Subscriber(MosquittoBroker broker, bool cleanStart) => Options(broker, "ingest-1") with
    {
        CleanStart = cleanStart,
        SessionExpiryIntervalSeconds = 300,
        ManualAcknowledgement = true,
    };

    private static async Task PublishAsync(MosquittoBroker broker, int count)
    {
        await using var publisher = await ConnectAsync(Options(broker, "device-1"));
        for (var i = 1; i <= count; i++)
        {
            await publisher.PublishAsync(Message("gz/v1/s/d/kpi", $"m{i}"), Timeout());
        }
    }

    [Fact]
    public async Task Qos1_message_is_redelivered_after_subscriber_dies_before_ack()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using (var first = await ConnectAsync(Subscriber(broker, cleanStart: true) with { AutoReconnect = false }))
        {
            await first.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], Timeout());
            await PublishAsync(broker, 3);
            Assert.Equal(["m1", "m2", "m3"], (await ReadAsync(first, 3)).Select(Text));

            first.AbortConnection();
        }

        await using var second = new MqttClient(Subscriber(broker, cleanStart: false));
        var result = await second.ConnectAsync(Timeout());

        Assert.True(result.SessionPresent);
        var redelivered = await ReadAsync(second, 3);
        Assert.Equal(["m1", "m2", "m3"], redelivered.Select(Text));
        Assert.All(redelivered, m => Assert.True(m.Duplicate));
    }

    [Fact]
    public async Task Acknowledged_messages_are_not_redelivered_to_the_resumed_session()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using (var first = await ConnectAsync(Subscriber(broker, cleanStart: true) with { AutoReconnect = false }))
        {
            await first.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], Timeout());
            await PublishAsync(broker, 2);
            var received = await ReadAsync(first, 2);
            await first.AcknowledgeAsync(received[0], Timeout());
            await Task.Delay(200);
            first.AbortConnection();
        }

        await using var second = await ConnectAsync(Subscriber(broker, cleanStart: false));

        Assert.Equal("m2", Text((await ReadAsync(second, 1)).Single()));
    }

    [Fact]
    public async Task Manual_acks_given_out_of_order_are_sent_in_receive_order()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await ConnectAsync(Subscriber(broker, cleanStart: true));
        var sent = new List<ushort>();
        client.PubAckSent = sent.Add;
        await client.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], Timeout());
        await PublishAsync(broker, 3);
        var received = await ReadAsync(client, 3);
        var ids = received.Select(m => m.PacketId).ToList();

        await client.AcknowledgeAsync(received[2], Timeout());
        Assert.Empty(sent);
        await client.AcknowledgeAsync(received[0], Timeout());
        Assert.Equal(ids[..1], sent);
        await client.AcknowledgeAsync(received[1], Timeout());
        Assert.Equal(ids, sent);
    }

    [Fact]
    public async Task Acknowledging_a_message_from_an_earlier_connection_is_a_no_op_and_the_broker_redelivers()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await ConnectAsync(Subscriber(broker, cleanStart: true));
        var sent = new List<ushort>();
        client.PubAckSent = sent.Add;
        await client.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], Timeout());
        await PublishAsync(broker, 1);
        var stale = (await ReadAsync(client, 1)).Single();
        var reconnected = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, e) =>
        {
            if (e.IsConnected)
            {
                reconnected.TrySetResult(e.SessionPresent);
            }
        };

        client.AbortConnection();
        Assert.True(await reconnected.Task.WaitAsync(Patience));
        await client.AcknowledgeAsync(stale, Timeout());

        Assert.Empty(sent);
        var again = (await ReadAsync(client, 1)).Single();
        Assert.True(again.Duplicate);
        await client.AcknowledgeAsync(again, Timeout());
        Assert.Equal([again.PacketId], sent);
    }
}
