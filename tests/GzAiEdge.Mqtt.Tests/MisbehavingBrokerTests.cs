using GzAiEdge.Mqtt.Tests.Support;
using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

/// <summary>A fake broker sends what no broker should; the client must end the connection cleanly, never crash.</summary>
public class MisbehavingBrokerTests
{
    private const string ConnAckV5 = "20 03 00 00 00";

    [Theory]
    [InlineData("36 05 0001 74 0001", 0x81)]                     // PUBLISH with QoS 3
    [InlineData("30 FF FF FF 7F", 0x95)]                        // announces a 256 MiB packet
    [InlineData("30 07 0001 74 03 230001", 0x94)]               // topic alias we never allowed
    [InlineData("20 03 00 00 00", 0x82)]                        // a second CONNACK
    [InlineData("30 FF FF FF FF 7F", 0x81)]                     // five length bytes
    public async Task Garbage_after_connack_ends_the_connection_with_the_right_reason_code(string garbage, byte expected)
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options());
        var disconnected = new TaskCompletionSource<MqttConnectionStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, e) =>
        {
            if (!e.IsConnected)
            {
                disconnected.TrySetResult(e);
            }
        };
        await fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), ConnAckV5);

        await fake.SendAsync(garbage);

        var disconnect = (await fake.ReadPacketAsync())!.Value;
        Assert.Equal(0xE0, disconnect.Header);
        Assert.Equal([expected], disconnect.Body);
        Assert.Null(await fake.ReadPacketAsync());
        var state = await disconnected.Task.WaitAsync(Patience);
        Assert.Equal((MqttReasonCode)expected, state.ReasonCode);
        Assert.IsType<MqttProtocolException>(state.Exception);
        Assert.False(client.IsConnected);
    }

    [Theory]
    [InlineData("20 02 00")]
    [InlineData("90 03 0001 00")]
    [InlineData("20 04 00 00 7F 00")]
    public async Task Garbage_instead_of_connack_fails_connect_with_an_mqtt_exception(string garbage)
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options());
        await Assert.ThrowsAnyAsync<MqttException>(() => fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), garbage));
    }

    [Fact]
    public async Task A_broker_that_stops_answering_pings_is_detected_and_the_client_reconnects()
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options() with { KeepAliveSeconds = 1, AutoReconnect = true });
        var lost = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, e) =>
        {
            if (!e.IsConnected)
            {
                lost.TrySetResult(e.Exception);
            }
        };
        await fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), ConnAckV5);

        Assert.Equal(0xC0, (await fake.ReadPacketAsync())!.Value.Header);
        var reason = await lost.Task.WaitAsync(Patience);

        Assert.Contains("PINGRESP", reason!.Message, StringComparison.Ordinal);
        await fake.AcceptAsync();
        Assert.Equal(0x10, (await fake.ReadPacketAsync())!.Value.Header);
    }

    [Fact]
    public async Task Server_receive_maximum_limits_publishes_in_flight()
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options());
        var connected = await fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), "20 06 00 00 03 21 0002");
        Assert.Equal((ushort)2, connected.ServerReceiveMaximum);

        var publishes = Enumerable.Range(0, 3).Select(i => client.PublishAsync(Message("t", $"{i}"), Timeout()).AsTask()).ToArray();

        var first = (await fake.ReadPacketAsync())!.Value;
        var second = (await fake.ReadPacketAsync())!.Value;
        await Task.Delay(300);
        Assert.DoesNotContain(publishes, p => p.IsCompleted);
        await fake.SendAsync("40 02 " + Convert.ToHexString(first.Body.AsSpan(3, 2)));
        var third = (await fake.ReadPacketAsync())!.Value;
        Assert.Equal(0x32, third.Header);
        Assert.Equal("2", System.Text.Encoding.ASCII.GetString(third.Body.AsSpan(^1)));
        await fake.SendAsync("40 02 " + Convert.ToHexString(second.Body.AsSpan(3, 2)));
        await fake.SendAsync("40 02 " + Convert.ToHexString(third.Body.AsSpan(3, 2)));
        await Task.WhenAll(publishes);
    }

    [Fact]
    public async Task A_puback_with_an_error_reason_fails_the_publish()
    {
        await using var fake = new ScriptedMqttBroker();
        await using var client = new MqttClient(fake.Options());
        await fake.HandshakeAsync(() => client.ConnectAsync(Timeout()), ConnAckV5);

        var publish = client.PublishAsync(Message("t", "x"), Timeout()).AsTask();
        var packet = (await fake.ReadPacketAsync())!.Value;
        await fake.SendAsync("40 03 " + Convert.ToHexString(packet.Body.AsSpan(3, 2)) + " 87");

        var error = await Assert.ThrowsAsync<MqttPublishException>(() => publish);
        Assert.Equal(MqttReasonCode.NotAuthorized, error.ReasonCode);
    }
}
