using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using MqttClient = GzAiEdge.Mqtt.MqttClient;

namespace GzAiEdge.Deps.Bench;

/// <summary>
/// What a client does with a QoS 1 publish the broker never acknowledged when the connection is lost: a scripted
/// broker takes the PUBLISH, closes the connection without a PUBACK, and waits 10 s for the client to come back by
/// itself (else the client is reconnected by hand, asking to resume its session). The broker then answers that the
/// session is present, so the client must send the unacknowledged PUBLISH again, with DUP set [MQTT-4.4.0-1].
/// </summary>
public static class MqttSession
{
    // CONNACK (MQTT 5): session present 0 or 1, reason Success, no properties.
    private const string ConnAck = "20 03 00 00 00", ConnAckSessionPresent = "20 03 01 00 00";
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"seq\":1}");

    /// <summary>What one client did, in words for the report.</summary>
    public sealed record Outcome(string Client, string Reconnect, string Resend, string Publish);

    public static async Task<Outcome> OursAsync()
    {
        await using var broker = new ScriptedMqttBroker();
        await using var client = new MqttClient(new GzAiEdge.Mqtt.MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = broker.Port,
            ClientId = "device-1",
            SessionExpiryIntervalSeconds = 300,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
        });
        return await ScriptAsync("GzAiEdge.Mqtt", broker,
            () => client.ConnectAsync(CancellationToken.None),
            () => client.PublishAsync(new GzAiEdge.Mqtt.MqttApplicationMessage("gz/v1/s/d/kpi", Payload), CancellationToken.None).AsTask(),
            () => client.ConnectAsync(CancellationToken.None));
    }

    public static async Task<Outcome> MqttNetAsync()
    {
        await using var broker = new ScriptedMqttBroker();
        using var client = new MqttClientFactory().CreateMqttClient();
        MQTTnet.MqttClientOptions Options(bool cleanStart) => new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port).WithClientId("device-1").WithCleanStart(cleanStart)
            .WithSessionExpiryInterval(300).WithTimeout(TimeSpan.FromSeconds(5)).Build();
        var message = new MqttApplicationMessageBuilder().WithTopic("gz/v1/s/d/kpi").WithPayload(Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        return await ScriptAsync($"MQTTnet {MqttReceive.MqttNetVersion}", broker,
            () => client.ConnectAsync(Options(cleanStart: true)),
            () => client.PublishAsync(message),
            () => client.ConnectAsync(Options(cleanStart: false)));
    }

    private static async Task<Outcome> ScriptAsync<TConnect>(string name, ScriptedMqttBroker broker,
        Func<Task<TConnect>> connect, Func<Task> publish, Func<Task<TConnect>> connectByHand)
    {
        await broker.HandshakeAsync(connect, ConnAck);
        var publishing = publish();
        var first = await NextPublishAsync(broker) ?? throw new InvalidOperationException($"{name} sent no PUBLISH");
        var clock = Stopwatch.StartNew();
        string reconnect;
        try
        {
            // Closes the connection that carried the PUBLISH, then waits (10 s) for a new one.
            await broker.AcceptAsync();
            var connectPacket = await broker.ReadPacketAsync();
            if (connectPacket?.Header != 0x10)
            {
                throw new InvalidOperationException($"{name} reconnected but sent {connectPacket?.Header:X2}, not CONNECT");
            }

            await broker.SendAsync(ConnAckSessionPresent);
            reconnect = $"reconnected by itself after {clock.Elapsed.TotalSeconds:F1} s";
        }
        catch (OperationCanceledException)
        {
            reconnect = "did not reconnect by itself within 10 s";
            await broker.HandshakeAsync(connectByHand, ConnAckSessionPresent);
        }

        var again = await NextPublishAsync(broker);
        string resend;
        if (again is { } packet)
        {
            var id = PacketId(packet.Body);
            resend = $"resent the PUBLISH (packet id {id}, DUP={((packet.Header & 0x08) != 0 ? 1 : 0)}) on the resumed session";
            await broker.SendAsync($"40 02 {id >> 8:X2} {id & 0xFF:X2}");
        }
        else
        {
            resend = $"sent no PUBLISH again within 10 s of resuming the session (the first had packet id {PacketId(first.Body)})";
        }

        string outcome;
        try
        {
            await publishing.WaitAsync(TimeSpan.FromSeconds(5));
            outcome = "the publish completed";
        }
        catch (TimeoutException)
        {
            outcome = "the publish is still waiting";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome = $"the publish failed: {ex.GetType().Name}: {ex.Message}";
        }

        return new Outcome(name, reconnect, resend, outcome);
    }

    // The next PUBLISH (first nibble 3), skipping PINGREQs and the like; null when none comes within the broker's 10 s.
    private static async Task<(byte Header, byte[] Body)?> NextPublishAsync(ScriptedMqttBroker broker)
    {
        try
        {
            while (await broker.ReadPacketAsync() is { } packet)
            {
                if (packet.Header >> 4 == 3)
                {
                    return packet;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Nothing within the broker's patience.
        }

        return null;
    }

    // PUBLISH variable header: topic (2-byte length + UTF-8), then the packet identifier for QoS > 0 [MQTT-3.3.2].
    private static int PacketId(byte[] body) => BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(2 + BinaryPrimitives.ReadUInt16BigEndian(body)));
}
