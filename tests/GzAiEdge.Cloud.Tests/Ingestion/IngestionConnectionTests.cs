using System.Net;
using System.Net.Sockets;
using GzAiEdge.Cloud.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Tests.Ingestion;

public class IngestionConnectionTests
{
    // Mosquitto 2.0 grants a subscription its ACL denies (and then delivers nothing), so the refusal
    // that EMQX, HiveMQ and VerneMQ send is played by a scripted broker speaking MQTT 5 bytes.
    [Fact]
    public async Task A_refused_subscription_fails_the_start_naming_the_filter_the_reason_and_the_user()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var broker = RefuseSubscriptionAsync(listener);
        var options = Options.Create(new IngestionOptions
        {
            BrokerPort = ((IPEndPoint)listener.LocalEndpoint).Port,
            Username = "ingest",
            Password = "secret",
            ClientId = "gz-ingest-test",
        });
        await using var connection = new IngestionConnection(options, NullLogger<IngestionConnection>.Instance, NullLogger<Mqtt.MqttClient>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.ConnectAndSubscribeAsync(timeout.Token));

        Assert.Equal(
            "the broker refused ingestion's subscription to $share/gz-ingest/gz/v1/+/+/+: NotAuthorized (0x87); check the ACL of user 'ingest'",
            ex.Message);
        await broker;
    }

    private static async Task RefuseSubscriptionAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        Assert.Equal(0x10, (await ReadPacketAsync(stream)).Header);
        await stream.WriteAsync(new byte[] { 0x20, 0x03, 0x00, 0x00, 0x00 }); // CONNACK: no session, success, no properties
        var subscribe = await ReadPacketAsync(stream);
        Assert.Equal(0x82, subscribe.Header);
        await stream.WriteAsync(new byte[] { 0x90, 0x04, subscribe.Body[0], subscribe.Body[1], 0x00, 0x87 }); // SUBACK: Not authorized
    }

    private static async Task<(byte Header, byte[] Body)> ReadPacketAsync(NetworkStream stream)
    {
        var one = new byte[1];
        await stream.ReadExactlyAsync(one);
        var header = one[0];
        int length = 0, shift = 0;
        do
        {
            await stream.ReadExactlyAsync(one);
            length |= (one[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((one[0] & 0x80) != 0);

        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return (header, body);
    }
}
