using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

/// <summary>Interoperability with Mosquitto's own command-line clients, both directions, both protocol versions.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public class InteropTests
{
    [Theory]
    [InlineData(MqttProtocolVersion.V500, "mqttv5", 0)]
    [InlineData(MqttProtocolVersion.V500, "mqttv5", 1)]
    [InlineData(MqttProtocolVersion.V311, "mqttv311", 0)]
    [InlineData(MqttProtocolVersion.V311, "mqttv311", 1)]
    public async Task Messages_published_by_the_client_reach_mosquitto_sub(MqttProtocolVersion version, string cliVersion, int qos)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var sub = await StartSubscriberAsync(broker, cliVersion, "-q", "1", "-t", "interop/out", "-F", "got %t %q %p");
        await using var client = await ConnectAsync(Options(broker, "pub", version));

        await client.PublishAsync(Message("interop/out", "hello", (MqttQualityOfService)qos), Timeout());

        await WaitUntilAsync(() => sub.Output.Contains($"got interop/out {qos} hello", StringComparison.Ordinal), () => sub.Output);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500, "mqttv5", 0)]
    [InlineData(MqttProtocolVersion.V500, "mqttv5", 1)]
    [InlineData(MqttProtocolVersion.V311, "mqttv311", 0)]
    [InlineData(MqttProtocolVersion.V311, "mqttv311", 1)]
    public async Task Messages_from_mosquitto_pub_reach_the_client(MqttProtocolVersion version, string cliVersion, int qos)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await ConnectAsync(Options(broker, "sub", version));
        await client.SubscribeAsync([new MqttSubscription("interop/in")], Timeout());

        await RunAsync("mosquitto_pub", "-h", broker.Host, "-p", broker.Port.ToString(), "-V", cliVersion,
            "-q", qos.ToString(), "-t", "interop/in", "-m", "hi there");

        var message = (await ReadAsync(client, 1)).Single();
        Assert.Equal(("interop/in", "hi there", (MqttQualityOfService)qos), (message.Topic, Text(message), message.Qos));
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Retained_message_is_received_by_a_later_subscriber(MqttProtocolVersion version)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using (var publisher = await ConnectAsync(Options(broker, "pub", version)))
        {
            await publisher.PublishAsync(Message("state/dev", "online") with { Retain = true }, Timeout());
        }

        await using var late = await ConnectAsync(Options(broker, "late", version));
        await late.SubscribeAsync([new MqttSubscription("state/#")], Timeout());

        var message = (await ReadAsync(late, 1)).Single();
        Assert.True(message.Retain);
        Assert.Equal("online", Text(message));
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Will_message_is_delivered_when_the_connection_drops_without_disconnect(MqttProtocolVersion version)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var watcher = await ConnectAsync(Options(broker, "watcher", version));
        await watcher.SubscribeAsync([new MqttSubscription("state/dev")], Timeout());
        await using var device = await ConnectAsync(Options(broker, "device", version) with
        {
            AutoReconnect = false,
            Will = new MqttWill("state/dev", "offline"u8.ToArray()),
        });

        device.AbortConnection();

        Assert.Equal("offline", Text((await ReadAsync(watcher, 1)).Single()));
    }

    [Fact]
    public async Task User_properties_travel_from_mosquitto_pub_to_the_client()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await ConnectAsync(Options(broker, "sub"));
        await client.SubscribeAsync([new MqttSubscription("props/in")], Timeout());

        await RunAsync("mosquitto_pub", "-h", broker.Host, "-p", broker.Port.ToString(), "-V", "mqttv5", "-q", "1",
            "-t", "props/in", "-m", "x", "-D", "publish", "user-property", "trace", "abc-123",
            "-D", "publish", "content-type", "text/plain");

        var message = (await ReadAsync(client, 1)).Single();
        Assert.Equal([new MqttUserProperty("trace", "abc-123")], message.UserProperties);
        Assert.Equal("text/plain", message.ContentType);
    }

    [Fact]
    public async Task User_properties_travel_from_the_client_to_mosquitto_sub()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var sub = await StartSubscriberAsync(broker, "mqttv5", "-q", "1", "-t", "props/out", "-F", "props %P payload %p");
        await using var client = await ConnectAsync(Options(broker, "pub"));

        await client.PublishAsync(Message("props/out", "x") with { UserProperties = [new("site", "lab"), new("seq", "7")] }, Timeout());

        await WaitUntilAsync(() => sub.Output.Contains("site:lab", StringComparison.Ordinal)
            && sub.Output.Contains("seq:7", StringComparison.Ordinal), () => sub.Output);
    }

    [Fact]
    public async Task Qos2_completes_the_four_way_handshake_in_both_directions()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await ConnectAsync(Options(broker, "qos2"));
        await client.SubscribeAsync([new MqttSubscription("qos2/t") { MaximumQos = MqttQualityOfService.ExactlyOnce }], Timeout());

        await client.PublishAsync(Message("qos2/t", "own", MqttQualityOfService.ExactlyOnce), Timeout());
        await RunAsync("mosquitto_pub", "-h", broker.Host, "-p", broker.Port.ToString(), "-V", "mqttv5", "-q", "2", "-t", "qos2/t", "-m", "cli");

        var received = await ReadAsync(client, 2);
        Assert.Equal(["own", "cli"], received.Select(Text));
        Assert.All(received, m => Assert.Equal(MqttQualityOfService.ExactlyOnce, m.Qos));
    }
}
