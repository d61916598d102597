using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// A broker, an InfluxDB and several cloud instances on the one shared ingestion subscription, each
/// with its own client id (its own persistent session), plus devices that publish numbered reports.
/// </summary>
internal sealed class ScaleOutRig : IAsyncDisposable
{
    public const string Site = "tianhe-01";
    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1);
    private readonly List<TempFolder> _folders = [];
    private readonly List<ChildProcess> _processes = [];

    private ScaleOutRig(MosquittoBroker broker, InfluxDbServer influx) => (Broker, Influx) = (broker, influx);

    public MosquittoBroker Broker { get; }

    public InfluxDbServer Influx { get; }

    public List<Instance> Instances { get; } = [];

    public static async Task<ScaleOutRig> StartAsync(int instances)
    {
        var rig = new ScaleOutRig(await MosquittoBroker.StartAsync(), await InfluxDbServer.StartAsync());
        var ids = Enumerable.Range(1, instances).Select(i => $"gz-ingest-scale-{i}-{Guid.NewGuid():N}").ToList();
        rig.Instances.AddRange(await Task.WhenAll(ids.Select(rig.StartInstanceAsync)));
        await rig.WaitForSubscribersAsync();
        return rig;
    }

    /// <summary>Starts a cloud instance with this client id: a new one, or the one a killed instance had (it resumes that session).</summary>
    public async Task<Instance> StartInstanceAsync(string clientId)
    {
        var folder = new TempFolder("gz-scale");
        _folders.Add(folder);
        var catalogue = ListedCatalogue.Write(folder.File("catalogue.yaml"), Enumerable.Range(1, MaxDevices).Select(d => ("traffic-tianhe-flow", Site, Device(d))));
        var (process, api) = await GzProcesses.StartCloudAsync(Broker, Influx, folder, [.. catalogue, $"--Broker:Ingest:ClientId={clientId}"]);
        _processes.Add(process);
        return new Instance(clientId, process, api, CloudAccounts.AdminToken(folder));
    }

    /// <summary>Each device publishes reports 1..<paramref name="reportsPerDevice"/> in order, pausing between rounds so that a run takes a while.</summary>
    public async Task PublishAsync(int devices, int reportsPerDevice, TimeSpan pause)
    {
        await Parallel.ForEachAsync(Enumerable.Range(1, devices), new ParallelOptions { MaxDegreeOfParallelism = devices }, async (d, ct) =>
        {
            await using var device = new MqttClient(new MqttClientOptions { Host = Broker.Host, Port = Broker.Port, ClientId = $"dev-{d}" });
            await device.ConnectAsync(ct);
            for (var seq = 1; seq <= reportsPerDevice; seq++)
            {
                var report = new KpiReport
                {
                    V = 1,
                    Site = Site,
                    Device = Device(d),
                    Scenario = "traffic-tianhe-flow",
                    Seq = seq,
                    WindowStart = Start.AddSeconds(10 * (seq - 1)),
                    WindowEnd = Start.AddSeconds(10 * seq),
                    Kpis = new Dictionary<string, double> { ["vehicle_count"] = seq % 7 },
                };
                await device.PublishAsync(new MqttApplicationMessage($"gz/v1/{Site}/{Device(d)}/kpi",
                    JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport)), ct);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, ct);
                }
            }
        });
    }

    public static string Device(int d) => $"cam-{d:00}";

    /// <summary>Devices 1 to this many are listed in the catalogue the instances load.</summary>
    public const int MaxDevices = 99;

    public async Task<long> CountPointsAsync()
    {
        var result = await EndToEndSupport.QueryAsync(Influx, "SELECT count(\"seq\") FROM \"kpi\"");
        return result.Series.FirstOrDefault()?.Value(0, "count").GetInt64() ?? 0;
    }

    /// <summary>Every stored seq of the device, one entry per point.</summary>
    public async Task<List<long>> StoredSeqsAsync(string device)
    {
        var result = await EndToEndSupport.QueryAsync(Influx, $"SELECT \"seq\" FROM \"kpi\" WHERE \"device\" = {InfluxQl.StringLiteral(device)}");
        return result.Series.FirstOrDefault() is { } series ? [.. series.Values.Select(row => row[1].GetInt64())] : [];
    }

    public async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return;
            }
        }

        Assert.Fail($"timed out waiting for {what}; stored {await CountPointsAsync()}\n" +
            string.Join("\n", Instances.Select(i => $"--- {i.ClientId} ---\n{i.Process.Output}")));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Influx.DisposeAsync();
        _folders.ForEach(f => f.Dispose());
    }

    // Mosquitto shares only among members that have subscribed: all of them must have before the first report.
    private async Task WaitForSubscribersAsync()
    {
        await WaitForAsync(() => Task.FromResult(Instances.All(i => i.Process.Output.Contains("Subscribed to $share/gz-ingest", StringComparison.Ordinal))),
            "every instance to subscribe");
    }

    /// <summary>One cloud process and its API.</summary>
    internal sealed record Instance(string ClientId, ChildProcess Process, Uri Api, string Token)
    {
        /// <summary>Messages this process stored (its own count since it started).</summary>
        public async Task<long> StoredAsync() => (await StatsAsync()).Stored;

        /// <summary>This process's ingestion counts since it started.</summary>
        public async Task<IngestionStatsView> StatsAsync()
        {
            // A hang guard, not a speed check: under the full suite an instance busy storing its share answers the
            // authenticated call (a token check of a few SQLite reads) behind its own load.
            using var http = CloudAccounts.Client(Api, Token);
            http.Timeout = TimeSpan.FromSeconds(30);
            return (await http.GetFromJsonAsync<IngestionStatsView>(new Uri(Api, "/api/v1/ingestion/stats")))!;
        }
    }
}
