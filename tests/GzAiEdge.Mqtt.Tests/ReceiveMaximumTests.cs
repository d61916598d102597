using GzAiEdge.Mqtt.Tests.Support;
using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

/// <summary>
/// A broker that sends more unacknowledged messages than the Receive Maximum we announced. The spec has
/// the client disconnect (0x93); Mosquitto 2.0.11 does it whenever a deep session queue drains, and a
/// disconnect there reconnects into the same flood, so the client keeps the connection and everything.
/// </summary>
public class ReceiveMaximumTests
{
    [Fact]
    public async Task More_publishes_than_the_receive_maximum_are_all_delivered_and_acknowledged_on_the_same_connection()
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options() with { ReceiveMaximum = 2, ManualAcknowledgement = true });
        var lost = 0;
        client.ConnectionStateChanged += (_, e) => lost += e.IsConnected ? 0 : 1;
        await fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), "20 03 00 00 00");

        // Four QoS 1 PUBLISHes on topic "t" (ids 1 to 4, payload "A" to "D") with none acknowledged.
        await fake.SendAsync("32 07 0001 74 0001 00 41  32 07 0001 74 0002 00 42  32 07 0001 74 0003 00 43  32 07 0001 74 0004 00 44");
        var messages = await ReadAsync(client, 4);
        Assert.Equal(["A", "B", "C", "D"], messages.Select(Text));
        await client.AcknowledgeAsync(messages, Timeout());

        for (var id = 1; id <= 4; id++)
        {
            var ack = (await fake.ReadPacketAsync())!.Value;
            Assert.Equal((0x40, id), (ack.Header, (ack.Body[0] << 8) | ack.Body[1]));
        }

        Assert.True(client.IsConnected);
        Assert.Equal(0, lost);
    }

    [Trait(TestCategory.Key, TestCategory.Servers)]
    [Fact]
    public async Task A_session_queue_far_deeper_than_the_receive_maximum_drains_from_mosquitto_without_a_reconnect()
    {
        const int queued = 600;
        await using var broker = await MosquittoBroker.StartAsync();
        var session = Options(broker, "ingest-deep") with { SessionExpiryIntervalSeconds = 300, ManualAcknowledgement = true, ReceiveMaximum = 10 };
        await using (var setup = await ConnectAsync(session))
        {
            await setup.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], Timeout());
        }

        await using (var publisher = await ConnectAsync(Options(broker, "device-deep")))
        {
            await Task.WhenAll(Enumerable.Range(1, queued).Select(i => publisher.PublishAsync(Message("gz/v1/s/d/kpi", $"m{i}"), Timeout()).AsTask()));
        }

        await using var subscriber = new MqttClient(session with { CleanStart = false });
        var lost = 0;
        subscriber.ConnectionStateChanged += (_, e) => lost += e.IsConnected ? 0 : 1;
        Assert.True((await subscriber.ConnectAsync(Timeout())).SessionPresent);

        // Acknowledged one by one in receive order: the pattern that makes Mosquitto 2.0.11 overshoot.
        var received = new List<string>(queued);
        var token = Timeout();
        while (received.Count < queued)
        {
            var message = await subscriber.Messages.ReadAsync(token);
            received.Add(Text(message));
            await subscriber.AcknowledgeAsync(message, token);
        }

        Assert.Equal(Enumerable.Range(1, queued).Select(i => $"m{i}"), received);
        Assert.Equal(0, lost);
    }
}
