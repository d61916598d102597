using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Cloud.TimeSeries;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EndToEnd.Tests;

public sealed class ScaleOutTests
{
    private const int Devices = 10;
    private const int ReportsPerDevice = 100;

    [Fact]
    public async Task Two_ingestion_instances_on_the_shared_subscription_split_the_reports_none_lost_none_stored_twice()
    {
        using var folderA = new TempFolder("gz-scale-a");
        using var folderB = new TempFolder("gz-scale-b");
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var (cloudA, apiA) = await GzProcesses.StartCloudAsync(broker, influx, folderA);
        await using var a = cloudA;
        var (cloudB, apiB) = await GzProcesses.StartCloudAsync(broker, influx, folderB);
        await using var b = cloudB;
        await WaitForSubscribersAsync(a, b);

        await PublishReportsAsync(broker);

        const int expected = Devices * ReportsPerDevice;
        using var http = new HttpClient();
        var stats = new List<IngestionStatsView>();
        for (var attempt = 0; attempt < 300 && stats.Sum(s => s.Stored) < expected; attempt++)
        {
            await Task.Delay(200);
            stats = [(await http.GetFromJsonAsync<IngestionStatsView>(new Uri(apiA, "/api/v1/ingestion/stats")))!,
                (await http.GetFromJsonAsync<IngestionStatsView>(new Uri(apiB, "/api/v1/ingestion/stats")))!];
        }

        Assert.Equal(expected, stats.Sum(s => s.Stored));
        Assert.All(stats, s => Assert.True(s.Stored > 0, $"an instance stored nothing: {string.Join(", ", stats)}"));
        Assert.All(stats, s => Assert.Equal(0, s.DeadLettered));
        Assert.Equal(expected, await CountPointsAsync(influx));
    }

    private static async Task PublishReportsAsync(MosquittoBroker broker)
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await Parallel.ForEachAsync(Enumerable.Range(1, Devices), async (d, ct) =>
        {
            await using var device = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"dev-{d}" });
            await device.ConnectAsync(ct);
            for (var seq = 1; seq <= ReportsPerDevice; seq++)
            {
                var report = new KpiReport
                {
                    V = 1,
                    Site = "tianhe-01",
                    Device = $"cam-{d:00}",
                    Scenario = "traffic-tianhe-flow",
                    Seq = seq,
                    WindowStart = start.AddSeconds(10 * (seq - 1)),
                    WindowEnd = start.AddSeconds(10 * seq),
                    Kpis = new Dictionary<string, double> { ["vehicle_count"] = seq % 7 },
                };
                await device.PublishAsync(new MqttApplicationMessage($"gz/v1/tianhe-01/cam-{d:00}/kpi",
                    JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport)), ct);
            }
        });
    }

    // Mosquitto shares only among members present when a message arrives: both must have subscribed.
    private static async Task WaitForSubscribersAsync(params ChildProcess[] clouds)
    {
        for (var attempt = 0; attempt < 300 && !clouds.All(c => c.Output.Contains("Subscribed to $share/gz-ingest", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.All(clouds, c => Assert.Contains("Subscribed to $share/gz-ingest", c.Output));
    }

    private static async Task<long> CountPointsAsync(InfluxDbServer influx)
    {
        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = influx.BaseAddress, Database = influx.Database }));
        var result = await client.QueryAsync("SELECT count(\"seq\") FROM \"kpi\"", CancellationToken.None);
        return result.Series.Single().Value(0, "count").GetInt64();
    }
}
