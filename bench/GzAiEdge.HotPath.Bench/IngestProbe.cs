using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.HotPath.Bench;

/// <summary>
/// End to end through the real processes: signed reports → Mosquitto → the cloud host (ingestion,
/// ack after the InfluxDB write) → InfluxDB 1.x. Reports the cloud process's CPU per message
/// (/proc, user + system) and points stored per second, median over runs after a warm-up run. The
/// publishers run in this process, so their CPU is not counted against the cloud. Extra arguments go to
/// the cloud, e.g. <c>--LiveFeed:Enabled=false</c> for an instance that only ingests.
/// </summary>
public static class IngestProbe
{
    private static readonly HttpClient Http = new();

    public static async Task<int> RunAsync(int reports, int devices, int runs, string[] cloudArgs)
    {
        var perDevice = reports / devices;
        reports = perDevice * devices;
        Console.WriteLine($"ingest probe: {reports} signed reports from {devices} devices per run, {runs} runs");
        using var folder = new TempFolder("gz-hotpath-probe");
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var catalogue = ListedCatalogue.Write(folder.File("catalogue.yaml"), SignedReports.Listings(devices));
        var (cloud, api) = await GzProcesses.StartCloudAsync(broker, influx, folder, [.. catalogue, .. cloudArgs]);
        await using var _ = cloud;
        var cpu = new List<double>();
        var rates = new List<double>();
        var stored = 0L;

        // A warm-up run first, unmeasured: the JIT's tier-up and InfluxDB's first shard are start-up costs, not per message.
        for (var run = -1; run < runs; run++)
        {
            var payloads = Generate(devices, perDevice, run + 1);
            await Task.Delay(1000);
            var cpuBefore = ProcStat.CpuSeconds(cloud.Pid);
            var clock = Stopwatch.StartNew();
            await PublishAsync(broker, payloads);
            stored += reports;
            await WaitStoredAsync(influx, stored, cloud);
            var elapsed = clock.Elapsed;
            var cloudCpu = TimeSpan.FromSeconds(ProcStat.CpuSeconds(cloud.Pid) - cpuBefore);
            if (run < 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: {elapsed.TotalSeconds:F2} s, cloud CPU {cloudCpu.TotalSeconds:F2} s"));
                continue;
            }

            cpu.Add(cloudCpu.TotalMicroseconds / reports);
            rates.Add(reports / elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: {elapsed.TotalSeconds:F2} s, {reports / elapsed.TotalSeconds:F0} points/s, cloud CPU {cloudCpu.TotalSeconds:F2} s = {cloudCpu.TotalMicroseconds / reports:F2} µs/message"));
        }

        var count = await InfluxCount.KpiPointsAsync(influx);
        var statsView = await Http.GetFromJsonAsync<IngestionStatsView>(new Uri(api, "/api/v1/ingestion/stats"));
        Console.WriteLine($"the cloud counted {statsView!.Stored} stored (redeliveries count again), {statsView.DeadLettered} dead-lettered");
        foreach (var warning in cloud.Output.Split('\n').Where(l => l.StartsWith("warn", StringComparison.Ordinal) || l.StartsWith("fail", StringComparison.Ordinal)).Distinct().Take(10))
        {
            Console.WriteLine($"  cloud: {warning.Trim()}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: cloud CPU {Median(cpu):F2} µs/message, {Median(rates):F0} points/s; InfluxDB holds {count} points (expected {stored})"));
        return count == stored ? 0 : 1;
    }

    private static List<(string Topic, byte[] Payload)>[] Generate(int devices, int perDevice, int run)
    {
        var chains = new List<(string, byte[])>[devices];
        Parallel.For(0, devices, d =>
        {
            using var signer = DeviceSigner.Create();
            var topic = SignedReports.Topic(d);
            chains[d] = [.. SignedReports.Chain(signer, d, perDevice, run).Select(p => (topic, p))];
        });
        return chains;
    }

    // Four connections, each sending its devices' chains interleaved, up to the broker's receive maximum in flight.
    private static async Task PublishAsync(MosquittoBroker broker, List<(string Topic, byte[] Payload)>[] chains)
    {
        const int Publishers = 4;
        await Parallel.ForAsync(0, Publishers, async (p, ct) =>
        {
            await using var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"probe-pub-{p}" });
            await client.ConnectAsync(ct);
            var mine = chains.Where((_, d) => d % Publishers == p).ToArray();
            var window = new Queue<Task>();
            for (var i = 0; i < mine.Max(c => c.Count); i++)
            {
                foreach (var chain in mine)
                {
                    if (i < chain.Count)
                    {
                        window.Enqueue(client.PublishAsync(new MqttApplicationMessage(chain[i].Topic, chain[i].Payload), ct).AsTask());
                        if (window.Count >= 1000)
                        {
                            await window.Dequeue();
                        }
                    }
                }
            }

            await Task.WhenAll(window);
        });
    }

    // Counted in InfluxDB, not from the cloud's own statistics: a redelivered message counts there twice.
    private static async Task WaitStoredAsync(InfluxDbServer influx, long expected, ChildProcess cloud)
    {
        var deadline = Stopwatch.StartNew();
        while (await InfluxCount.KpiPointsAsync(influx) < expected)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5) || cloud.HasExited)
            {
                throw new TimeoutException($"InfluxDB holds {await InfluxCount.KpiPointsAsync(influx)} of {expected} points; the cloud's output:\n{cloud.Output}");
            }

            await Task.Delay(100);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
