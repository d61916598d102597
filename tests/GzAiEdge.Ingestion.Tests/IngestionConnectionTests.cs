using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Broker;
using GzAiEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.Tests;

public class IngestionConnectionTests
{
    // Mosquitto 2.0 grants a subscription its ACL denies (and then delivers nothing), so the refusal
    // that EMQX, HiveMQ and VerneMQ send is played by a scripted broker speaking MQTT 5 bytes.
    [Fact]
    public async Task A_refused_subscription_fails_the_start_naming_the_filter_the_reason_and_the_user()
    {
        await using var broker = new ScriptedMqttBroker();
        var options = Options.Create(new CloudBrokerOptions
        {
            Port = broker.Port,
            AllowPlaintext = true,
            Ingest = new MqttIdentityOptions { Username = "ingest", Password = "secret", ClientId = "gz-ingest-test" },
        });
        await using var connection = new IngestionConnection(Options.Create(new IngestionOptions()), options, NullLogger<IngestionConnection>.Instance,
            NullLogger<Mqtt.MqttClient>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var accept = broker.AcceptAsync();
        var start = connection.ConnectAndSubscribeAsync(timeout.Token);
        await accept;
        Assert.Equal(0x10, (await broker.ReadPacketAsync())!.Value.Header);
        await broker.SendAsync("20 03 00 00 00"); // CONNACK: no session, success, no properties
        var subscribe = (await broker.ReadPacketAsync())!.Value;
        Assert.Equal(0x82, subscribe.Header);
        await broker.SendAsync($"90 04 {Convert.ToHexString(subscribe.Body.AsSpan(0, 2))} 00 87"); // SUBACK: Not authorized

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        Assert.Equal(
            "the broker refused ingestion's subscription to $share/gz-ingest/gz/v1/+/+/+: NotAuthorized (0x87); check the ACL of user 'ingest' (Broker:Ingest:Username)",
            ex.Message);
    }
}
