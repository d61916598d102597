using GzAiEdge.Contracts.Signing;
using GzAiEdge.EndToEnd.Tests.Faults;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>Ingestion writing through <c>/api/v2/write</c>, the API of InfluxDB 2.x/3.x and clustered stores, into a real VictoriaMetrics.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class WriteApiTests
{
    private const int Reports = 150;

    [Fact]
    public async Task Ingestion_through_api_v2_write_stores_every_report_exactly_once_even_when_it_arrives_twice()
    {
        using var folder = new TempFolder("gz-write-api");
        await using var broker = await MosquittoBroker.StartAsync();
        await using var store = await VictoriaMetricsServer.StartAsync();
        var catalogue = ListedCatalogue.Write(folder.File("catalogue.yaml"), [("traffic-tianhe-flow", FaultRig.Site, "cam-41"), ("traffic-tianhe-flow", FaultRig.Site, "cam-42")]);
        var (cloud, _) = await GzProcesses.StartCloudAsync(broker, store.BaseAddress, folder,
            [.. catalogue, "--InfluxDb:WriteApi=V2", "--InfluxDb:Org=gz", "--InfluxDb:Bucket=kpis", "--InfluxDb:Database=unused-by-writes"]);
        await using var _ = cloud;
        using var first = DeviceSigner.Create();
        using var second = DeviceSigner.Create();
        var chains = new[] { SignedBurst.Chain(first, "cam-41", Reports), SignedBurst.Chain(second, "cam-42", Reports) };

        await SignedBurst.PublishAsync(broker, first, chains[0]);
        await SignedBurst.PublishAsync(broker, second, chains[1]);
        await SignedBurst.PublishAsync(broker, first, chains[0][..20]);

        var seqs = await WaitForSamplesAsync(store, 2 * Reports, cloud);
        foreach (var chain in chains)
        {
            var device = chain[0].Device;
            var series = seqs.Single(s => s.Labels["device"] == device);
            Assert.Equal(("tianhe-01", "traffic-tianhe-flow", "traffic"), (series.Labels["site"], series.Labels["scenario"], series.Labels["sector"]));
            Assert.Equal(chain.Select(r => (double)r.Seq), series.Values);
            Assert.Equal(chain.Select(r => r.WindowEnd.ToUnixTimeMilliseconds()), series.Timestamps);
        }

        // VictoriaMetrics keeps values as decimals of about 12 significant digits (InfluxDB returns float64 bit for bit).
        var speeds = (await store.ExportAsync("{__name__=\"kpi_mean_speed_kmh\",device=\"cam-42\"}")).Single();
        Assert.Equal(Reports, speeds.Values.Count);
        Assert.All(chains[1].Zip(speeds.Values), pair => Assert.Equal(pair.First.Kpis["mean_speed_kmh"], pair.Second, 1e-9));
    }

    // Samples become searchable in batches; wait until every report's seq sample is there, and then a little
    // longer, so that a report stored twice would show as an extra sample rather than pass unseen.
    private static async Task<IReadOnlyList<ExportedSeries>> WaitForSamplesAsync(VictoriaMetricsServer store, int expected, ChildProcess cloud)
    {
        for (var waited = 0; waited < 60_000; waited += 250)
        {
            var series = await store.ExportAsync("{__name__=\"kpi_seq\"}");
            if (series.Sum(s => s.Values.Count) >= expected)
            {
                await Task.Delay(1000);
                return await store.ExportAsync("{__name__=\"kpi_seq\"}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"victoria-metrics did not get {expected} reports; the cloud's output:\n{cloud.Output}");
    }
}
