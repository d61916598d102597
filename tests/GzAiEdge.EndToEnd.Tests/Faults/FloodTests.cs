using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// One device floods the broker at full speed for 60 s while 20 well-behaved devices report: every report the broker
/// acknowledged to a well-behaved device is stored, the flood is dead-lettered with reason quota and counted per
/// device, and it raises an alert.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class FloodTests(ITestOutputHelper output)
{
    private const string Flooder = "flood-01";
    private const int WellBehaved = 20;
    private static readonly TimeSpan FloodFor = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_device_flooding_for_60_s_loses_no_acknowledged_report_of_20_others_and_shows_in_stats_and_as_an_alert()
    {
        // The shipped quota, except a size limit below the broker's so that oversized messages reach ingestion to be refused.
        await using var rig = await FaultRig.StartAsync("flood", observe: false, "--Ingestion:Quota:MaxMessageBytes=8192");
        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        var devices = Enumerable.Range(1, WellBehaved).Select(i => ReportAsync(rig.Broker, $"cam-{i:00}", acknowledged, stop.Token)).ToList();
        var clock = Stopwatch.StartNew();
        var (flooded, oversized) = await FloodAsync(rig.Broker, clock);
        await stop.CancelAsync();
        await Task.WhenAll(devices);

        var expected = acknowledged.ToDictionary(d => d.Key, d => d.Value.Order().ToList());
        var total = expected.Values.Sum(s => s.Count);
        foreach (var (device, seqs) in expected)
        {
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
            await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync(device)).Count >= seqs.Count,
                $"the {seqs.Count} acknowledged reports of {device}", seconds: 300);
            Assert.Equal(seqs, (await rig.StoredSeqsAsync(device)).Order());
        }

        using var http = CloudAccounts.AdminClient(rig.Api!, rig.Folder);
        IngestionStatsView stats = null!;
        await rig.WaitForAsync(async () =>
        {
            stats = (await http.GetFromJsonAsync<IngestionStatsView>("/api/v1/ingestion/stats"))!;
            return stats.Stored + stats.DeadLettered >= flooded + total;
        }, "ingestion to take every acknowledged message", seconds: 300);
        var overQuota = stats.OverQuota.GetValueOrDefault($"{FaultRig.Site}/{Flooder}");
        var deadLetters = await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters?limit=1");
        var alerts = await http.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?device={Flooder}&active=true");

        Assert.True(overQuota > flooded / 2, $"{overQuota} of {flooded} flood messages counted over quota");
        Assert.Single(stats.OverQuota);
        Assert.Equal(stats.DeadLettered, deadLetters.GetProperty("total").GetInt64());
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray());
        Assert.Equal("quota", alert.GetProperty("kind").GetString());
        output.WriteLine($"flooding device: {flooded} messages acknowledged by the broker in {FloodFor.TotalSeconds:0} s ({oversized} over the size limit), "
            + $"{overQuota} dead-lettered as over quota, alert raised; {WellBehaved} well-behaved devices: {total} reports acknowledged, {total} stored, none lost; "
            + $"ingestion: stored {stats.Stored}, dead-lettered {stats.DeadLettered}");
    }

    // A well-behaved device: a report every 500 ms, QoS 1, the next only after the broker acknowledged this one (as
    // the edge's outbox does), until stopped.
    private static async Task ReportAsync(MosquittoBroker broker, string device, ConcurrentDictionary<string, ConcurrentBag<long>> acknowledged, CancellationToken stop)
    {
        var seqs = acknowledged.GetOrAdd(device, _ => []);
        await using var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = DeviceIdentityName(device) });
        await client.ConnectAsync(CancellationToken.None);
        for (var seq = 1L; !stop.IsCancellationRequested; seq++)
        {
            await client.PublishAsync(new MqttApplicationMessage($"gz/v1/{FaultRig.Site}/{device}/kpi", Report(device, seq)), CancellationToken.None);
            seqs.Add(seq);
            try
            {
                await Task.Delay(500, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Full speed: as many QoS 1 publishes in flight as the broker takes, small reports with every 100th oversized.
    private static async Task<(long Flooded, long Oversized)> FloodAsync(MosquittoBroker broker, Stopwatch clock)
    {
        await using var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = DeviceIdentityName(Flooder) });
        await client.ConnectAsync(CancellationToken.None);
        var topic = $"gz/v1/{FaultRig.Site}/{Flooder}/kpi";
        var payloads = Enumerable.Range(1, 100).Select(seq => Report(Flooder, seq)).ToArray();
        var big = new byte[16 * 1024];
        long flooded = 0, oversized = 0;
        var inFlight = new List<Task>(256);
        while (clock.Elapsed < FloodFor)
        {
            for (var i = 0; i < 256; i++)
            {
                var large = (flooded + i) % 100 == 99;
                inFlight.Add(client.PublishAsync(new MqttApplicationMessage(topic, large ? big : payloads[i % payloads.Length]), CancellationToken.None).AsTask());
                oversized += large ? 1 : 0;
            }

            await Task.WhenAll(inFlight);
            flooded += inFlight.Count;
            inFlight.Clear();
        }

        return (flooded, oversized);
    }

    private static byte[] Report(string device, long seq) => JsonSerializer.SerializeToUtf8Bytes(new KpiReport
    {
        V = 1,
        Site = FaultRig.Site,
        Device = device,
        Scenario = "traffic-tianhe-flow",
        Seq = seq,
        WindowStart = Start.AddSeconds(seq - 1),
        WindowEnd = Start.AddSeconds(seq),
        Kpis = new Dictionary<string, double> { ["vehicle_count"] = seq % 13 },
    }, GzJsonContext.Default.KpiReport);

    private static string DeviceIdentityName(string device) => Contracts.Topics.DeviceIdentity.MqttName(FaultRig.Site, device);
}
