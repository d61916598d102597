using System.Diagnostics;
using GzAiEdge.Mqtt.Tests.Support;
using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

/// <summary>
/// A broker that accepts the connection and then drops it, after CONNACK or in answer to a request it refuses
/// (MQTTnet.Server and Paho's test broker do this): the client must back off further each time, and a request that
/// is lost that way must fail to its caller after a bounded number of tries, with the reason.
/// </summary>
public class FlappingBrokerTests
{
    private const string ConnAckV5 = "20 03 00 00 00";
    private const string ConnAckSessionPresent = "20 03 01 00 00";

    [Fact]
    public async Task Reconnects_slow_down_while_every_connection_is_dropped_right_after_connack()
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options() with
        {
            AutoReconnect = true,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromSeconds(2),
        });
        await fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), ConnAckV5);
        var accepted = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();

        // AcceptAsync drops the connection before it waits for the next one.
        while (clock.Elapsed < TimeSpan.FromSeconds(4))
        {
            await AcceptConnectAsync(fake, ConnAckV5);
            accepted.Add(clock.Elapsed);
        }

        var gaps = accepted.Zip(accepted.Skip(1), (a, b) => b - a).ToList();
        var described = string.Join(", ", accepted.Select(a => $"{a.TotalMilliseconds:0}"));

        // Equal jitter keeps each delay at least as long as the one before until the 2 s cap: at most 9 connects in 4 s
        // (a backoff that restarts after each CONNACK makes about 80, one every 25-50 ms).
        Assert.True(accepted.Count <= 9, $"{accepted.Count} connects in 4 s, at ms {described}");
        Assert.True(gaps[^1] >= TimeSpan.FromMilliseconds(500), $"the last delay was {gaps[^1].TotalMilliseconds:0} ms; connects at ms {described}");
        // Growing, judged by halves: a loaded machine can stretch any one gap (it only ever adds time), so gap-by-gap
        // comparisons would fail on scheduling noise, not on the backoff.
        var half = gaps.Count / 2;
        var (early, late) = (gaps.Take(half).Average(g => g.TotalMilliseconds), gaps.Skip(half).Average(g => g.TotalMilliseconds));
        Assert.True(late >= early * 2, $"the delays did not grow: {early:0} ms on average early, {late:0} ms late; connects at ms {described}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_request_the_broker_answers_by_dropping_the_connection_fails_after_three_tries_with_the_reason(bool subscribe)
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options() with
        {
            AutoReconnect = true,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(10),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(100),
        });
        await fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), ConnAckSessionPresent);
        var request = subscribe
            ? client.SubscribeAsync([new MqttSubscription("gz/v1/+/+/cmd")], Timeout())
            : client.UnsubscribeAsync(["gz/v1/+/+/cmd"], Timeout());

        for (var connection = 1; connection <= 3; connection++)
        {
            var packet = (await fake.ReadPacketAsync())!.Value;
            Assert.Equal(subscribe ? 0x82 : 0xA2, packet.Header);

            // Refused with DISCONNECT 0x87 (not authorized), as MQTTnet.Server does with a subscription its interceptor refuses.
            await fake.SendAsync("E0 01 87");
            await AcceptConnectAsync(fake, ConnAckSessionPresent);
        }

        var error = await Assert.ThrowsAsync<MqttException>(() => request);
        Assert.Contains($"before the broker answered {(subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE")} 3 times in a row", error.Message, StringComparison.Ordinal);
        Assert.Contains("DISCONNECT NotAuthorized (0x87)", error.Message, StringComparison.Ordinal);

        // Given up: the fourth connection carries no copy of the request.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fake.ReadPacketAsync(TimeSpan.FromMilliseconds(500)));
        Assert.True(client.IsConnected);
    }

    private static async Task AcceptConnectAsync(ScriptedMqttBroker fake, string connAck)
    {
        await fake.AcceptAsync();
        Assert.Equal(0x10, (await fake.ReadPacketAsync())!.Value.Header);
        await fake.SendAsync(connAck);
    }
}
