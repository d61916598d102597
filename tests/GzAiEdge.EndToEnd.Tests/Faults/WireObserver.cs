using System.Collections.Concurrent;
using System.Text.Json;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// Counts every KPI report delivery on the wire, per device and seq, through its own persistent
/// session (so it misses nothing across a broker restart): deliveries minus distinct seqs are the
/// duplicates the edge sent.
/// </summary>
internal sealed class WireObserver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Device, long Seq), int> _deliveries = new();
    private readonly MqttClient _client;
    private readonly Task _reading;

    private WireObserver(MqttClient client)
    {
        _client = client;
        _reading = ReadAsync();
    }

    public static async Task<WireObserver> StartAsync(MosquittoBroker broker)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = $"wire-observer-{Guid.NewGuid():N}",
            CleanStart = false,
            SessionExpiryIntervalSeconds = 3600,
        });
        await client.ConnectAsync(CancellationToken.None);
        await client.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], CancellationToken.None);
        return new WireObserver(client);
    }

    /// <summary>Deliveries seen for <paramref name="device"/>, and how many of them were repeats.</summary>
    public (long Sent, long Duplicates) Counts(string device)
    {
        var mine = _deliveries.Where(d => d.Key.Device == device).ToList();
        var sent = mine.Sum(d => (long)d.Value);
        return (sent, sent - mine.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _reading;
    }

    private async Task ReadAsync()
    {
        await foreach (var message in _client.Messages.ReadAllAsync())
        {
            try
            {
                using var json = JsonDocument.Parse(message.Payload);
                var key = (json.RootElement.GetProperty("device").GetString()!, json.RootElement.GetProperty("seq").GetInt64());
                _deliveries.AddOrUpdate(key, 1, (_, n) => n + 1);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // Not a report (the fuzz and tamper tests publish such payloads); not counted.
            }
        }
    }
}
