using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>A device's chain of signed reports (and a closing checkpoint), made up front and published as fast as the broker takes them.</summary>
internal static class SignedBurst
{
    // Yesterday: inside ingestion's acceptance horizon, and a 3000-report burst of 10 s windows still ends in the past.
    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1);

    public static List<KpiReport> Chain(DeviceSigner signer, string device, int count)
    {
        var reports = new List<KpiReport>(count);
        var prev = ChainHash.Genesis;
        for (var seq = 1; seq <= count; seq++)
        {
            var report = signer.Sign(new KpiReport
            {
                V = 1,
                Site = FaultRig.Site,
                Device = device,
                Scenario = "traffic-tianhe-flow",
                Seq = seq,
                WindowStart = Start.AddSeconds(10 * (seq - 1)),
                WindowEnd = Start.AddSeconds(10 * seq),
                Kpis = new Dictionary<string, double> { ["vehicle_count"] = seq % 17, ["mean_speed_kmh"] = seq / 7.0 },
                Prev = prev,
            });
            prev = ChainHash.Of(report);
            reports.Add(report);
        }

        return reports;
    }

    public static Task PublishAsync(MosquittoBroker broker, DeviceSigner signer, IReadOnlyList<KpiReport> chain) =>
        PublishAsync(broker, signer, chain, ..);

    /// <summary>Publishes one part of the chain; the closing checkpoint goes out with the part that holds the chain's head.</summary>
    public static async Task PublishAsync(MosquittoBroker broker, DeviceSigner signer, IReadOnlyList<KpiReport> chain, Range part)
    {
        var device = chain[0].Device;
        var (offset, length) = part.GetOffsetAndLength(chain.Count);
        await using var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"burst-{device}" });
        await client.ConnectAsync(CancellationToken.None);
        var topic = $"gz/v1/{FaultRig.Site}/{device}/kpi";
        await Task.WhenAll(chain.Skip(offset).Take(length).Select(r => client.PublishAsync(
            new MqttApplicationMessage(topic, JsonSerializer.SerializeToUtf8Bytes(r, GzJsonContext.Default.KpiReport)), CancellationToken.None).AsTask()));
        if (offset + length < chain.Count)
        {
            return;
        }

        var head = chain[^1];
        var checkpoint = signer.Sign(new Checkpoint
        {
            V = 1,
            Site = FaultRig.Site,
            Device = device,
            Time = head.WindowEnd,
            Seq = head.Seq,
            Head = ChainHash.Of(head),
        });
        await client.PublishAsync(new MqttApplicationMessage($"gz/v1/{FaultRig.Site}/{device}/checkpoint",
            JsonSerializer.SerializeToUtf8Bytes(checkpoint, GzJsonContext.Default.Checkpoint)), CancellationToken.None);
    }
}
