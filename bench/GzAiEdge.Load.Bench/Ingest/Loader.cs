using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>
/// Publishes reports at QoS 1 with our MQTT client from several connections, each device's reports from
/// one connection and in order, as fast as the broker takes them. It runs while the consumers under test
/// are paused (SIGSTOP), so its own CPU never competes with what is measured.
/// </summary>
public sealed class Loader : IAsyncDisposable
{
    private readonly List<MqttClient> _clients;

    private Loader(List<MqttClient> clients) => _clients = clients;

    public static async Task<Loader> ConnectAsync(MosquittoBroker broker, int connections)
    {
        var clients = new List<MqttClient>();
        for (var c = 0; c < connections; c++)
        {
            var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"bench-loader-{c}", AutoReconnect = false });
            clients.Add(client);
            await client.ConnectAsync(CancellationToken.None);
        }

        return new Loader(clients);
    }

    public Task PublishAsync(IReadOnlyList<PreparedReport> reports) =>
        Task.WhenAll(_clients.Select((client, c) => PublishAsync(client, reports.Where(r => r.Device % _clients.Count == c))));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private static async Task PublishAsync(MqttClient client, IEnumerable<PreparedReport> reports)
    {
        // More publishes handed over than the broker lets fly, so the client's pipe never runs dry.
        var pending = new Queue<ValueTask<MqttReasonCode>>();
        foreach (var report in reports)
        {
            pending.Enqueue(client.PublishAsync(new MqttApplicationMessage(report.Topic, report.Payload), CancellationToken.None));
            if (pending.Count >= 1000)
            {
                Check(await pending.Dequeue());
            }
        }

        while (pending.Count > 0)
        {
            Check(await pending.Dequeue());
        }
    }

    // With the consumers subscribed, every report has a subscriber to be queued for.
    private static void Check(MqttReasonCode reason)
    {
        if (reason != MqttReasonCode.Success)
        {
            throw new InvalidOperationException($"the broker answered a report with {reason}: no consumer was subscribed to take it");
        }
    }
}
