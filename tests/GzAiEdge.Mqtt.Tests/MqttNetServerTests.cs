using System.Diagnostics;
using System.Net;
using GzAiEdge.Testing;
using MQTTnet.Server;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

/// <summary>
/// Interoperability with an independent broker implementation, MQTTnet.Server 5.2 from NuGet, in this process on a
/// free loopback port (the Mosquitto tests are beside it): both protocol versions, QoS 0 and 1, and a subscription the
/// broker refuses by closing the connection.
/// </summary>
public sealed class MqttNetServerTests : IAsyncLifetime
{
    private readonly int _port = FreePort.Next();
    private MqttServer _server = null!;
    private int _connects;

    public async Task InitializeAsync()
    {
        var options = new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(_port).Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        // Counted as each CONNECT is validated, before CONNACK: ClientConnectedAsync may never be raised for a
        // connection the server closes at once.
        _server.ValidatingConnectionAsync += _ =>
        {
            Interlocked.Increment(ref _connects);
            return Task.CompletedTask;
        };

        // The way MQTTnet.Server lets an application refuse a subscription outright: close the connection.
        _server.InterceptingSubscriptionAsync += e =>
        {
            if (e.TopicFilter.Topic.StartsWith("forbidden/", StringComparison.Ordinal))
            {
                e.ProcessSubscription = false;
                e.CloseConnection = true;
            }

            return Task.CompletedTask;
        };
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500, MqttQualityOfService.AtMostOnce)]
    [InlineData(MqttProtocolVersion.V500, MqttQualityOfService.AtLeastOnce)]
    [InlineData(MqttProtocolVersion.V311, MqttQualityOfService.AtMostOnce)]
    [InlineData(MqttProtocolVersion.V311, MqttQualityOfService.AtLeastOnce)]
    public async Task Messages_go_through_mqttnet_server_both_ways(MqttProtocolVersion version, MqttQualityOfService qos)
    {
        await using var subscriber = await ConnectAsync(Options("sub", version));
        var codes = await subscriber.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], Timeout());
        Assert.Equal(MqttReasonCode.GrantedQos1, codes.Single());
        await using var publisher = await ConnectAsync(Options("pub", version));

        await publisher.PublishAsync(Message("gz/v1/s/d/kpi", "report", qos), Timeout());

        var message = (await ReadAsync(subscriber, 1)).Single();
        Assert.Equal(("gz/v1/s/d/kpi", "report", qos), (message.Topic, Text(message), message.Qos));
    }

    [Fact]
    public async Task A_subscription_mqttnet_server_refuses_by_closing_the_connection_fails_after_three_tries_while_reconnects_back_off()
    {
        await using var client = await ConnectAsync(Options("refused", MqttProtocolVersion.V500) with
        {
            CleanStart = false,
            SessionExpiryIntervalSeconds = 60,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromSeconds(2),
        });
        var clock = Stopwatch.StartNew();
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        client.ConnectionStateChanged += (_, e) => events.Enqueue($"{clock.ElapsedMilliseconds} {e.IsConnected} {e.ReasonCode} {e.Exception?.Message}");

        var error = await Assert.ThrowsAsync<MqttException>(() => client.SubscribeAsync([new MqttSubscription("forbidden/cmd")], Timeout()));

        Assert.Contains("before the broker answered SUBSCRIBE 3 times in a row", error.Message, StringComparison.Ordinal);

        // One connect, then three refused (each bringing a reconnect), then no more: the request was given up,
        // and the connection that outlived it stays up.
        await WaitUntilAsync(() => Volatile.Read(ref _connects) == 4, () => $"{_connects} connects, expected 4: {string.Join(" | ", events)}");
        Assert.True(clock.Elapsed > TimeSpan.FromMilliseconds(25 + 50 + 100), $"three growing reconnect delays took only {clock.ElapsedMilliseconds} ms");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(4, Volatile.Read(ref _connects));
        Assert.True(client.IsConnected);
    }

    private MqttClientOptions Options(string clientId, MqttProtocolVersion version) => new()
    {
        Host = "127.0.0.1",
        Port = _port,
        ClientId = clientId,
        ProtocolVersion = version,
        ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
    };
}
