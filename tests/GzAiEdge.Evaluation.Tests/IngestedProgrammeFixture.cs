using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Mqtt;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation.Tests;

/// <summary>
/// Hand-made KPI reports published to a real Mosquitto and stored by the real cloud process's
/// ingestion in a real InfluxDB. Scenario <see cref="Scenario"/> (type traffic-flow, device
/// tianhe-11/cam-01) gets seq 1–22 every 10 s from <see cref="From"/> with seq 5 and 6 lost;
/// an unlisted device cam-09 sends 3 reports for it too, which ingestion dead-letters. The period lies in the
/// past, so this cloud's acceptance horizon reaches back to it.
/// </summary>
public sealed class IngestedProgrammeFixture : IAsyncLifetime
{
    public const string Scenario = "traffic-tianhe-flow-01";
    public static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DemonstrationPeriod Period = new(From, From.AddMinutes(4));

    private readonly TempFolder _folder = new("gz-evaluation");
    private MosquittoBroker _broker = null!;
    private ChildProcess _cloud = null!;

    public InfluxDbServer Influx { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    /// <summary>An admin's client of the cloud's API.</summary>
    public HttpClient ApiClient() => CloudAccounts.AdminClient(Api, _folder);

    public Programme Programme { get; } = ProgrammeLoader.Load(
        RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"), RepoPaths.Combine("firmware-configs", "scenarios", "types"));

    public InfluxDbClient Client() => new(new HttpClient(), Options.Create(new InfluxDbOptions { BaseAddress = Influx.BaseAddress, Database = Influx.Database }));

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        Influx = await InfluxDbServer.StartAsync();
        (_cloud, Api) = await GzProcesses.StartCloudAsync(_broker, Influx, _folder, "--ReportBounds:HorizonDays=3650");

        // The broker drops messages no subscription matches: publish only once ingestion has subscribed.
        var subscribed = DateTime.UtcNow.AddSeconds(60);
        while (!_cloud.Output.Contains("Subscribed to $share/gz-ingest", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > subscribed)
            {
                throw new InvalidOperationException($"the cloud did not subscribe; its output: {_cloud.Output}");
            }

            await Task.Delay(50);
        }

        var listed = Enumerable.Range(1, 22).Where(seq => seq is not (5 or 6)).Select(seq => Report("cam-01", seq, seq % 2 == 0, seq <= 10 ? "1.0" : "1.1")).ToList();
        var unlisted = Enumerable.Range(1, 3).Select(seq => Report("cam-09", seq, true, "1.0")).ToList();
        await StoreAsync(listed);

        // Ingestion refuses the unlisted device's reports; a store may still hold such points (written before that
        // rule, or by another writer), and evaluation must still leave them out, so they are written straight in.
        await PublishAsync(unlisted);
        await WriteDirectlyAsync(unlisted);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await DeadLetteredAsync() < unlisted.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"ingestion dead-lettered {await DeadLetteredAsync()} of the unlisted device's {unlisted.Count} reports; cloud output: {_cloud.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Publishes <paramref name="reports"/> of listed devices to the broker and waits until ingestion stored them all
    /// (counted per scenario, so each call should bring scenarios, or periods, of its own).
    /// </summary>
    public async Task StoreAsync(IReadOnlyList<KpiReport> reports)
    {
        await PublishAsync(reports);

        // Generous: this only guards against a hang; nothing here measures speed.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        foreach (var scenario in reports.GroupBy(r => r.Scenario))
        {
            var query = $"SELECT count(\"seq\") FROM \"kpi\" WHERE \"scenario\" = '{scenario.Key}'";
            while (await CountAsync(query) < scenario.Count())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"ingestion stored {await CountAsync(query)} of {scenario.Count()} reports of {scenario.Key}; cloud output: {_cloud.Output}");
                }

                await Task.Delay(100);
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<KpiReport> reports)
    {
        await using var client = new MqttClient(new MqttClientOptions { Host = _broker.Host, Port = _broker.Port, ClientId = $"evaluation-test-{Guid.NewGuid():N}" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(timeout.Token);
        foreach (var report in reports)
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport);
            await client.PublishAsync(new MqttApplicationMessage($"gz/v1/{report.Site}/{report.Device}/kpi", payload), timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await _cloud.DisposeAsync();
        await _broker.DisposeAsync();
        await Influx.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>The unlisted device's reports that ingestion dead-lettered (it took the rest).</summary>
    public async Task<long> DeadLetteredAsync()
    {
        using var http = ApiClient();
        return (await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters/stats")).GetProperty("count").GetInt64();
    }

    private async Task WriteDirectlyAsync(IEnumerable<KpiReport> reports)
    {
        var lines = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(lines);
        foreach (var report in reports)
        {
            writer.Write(StoredSchema.Kpi(report, "traffic", ChainHash.Of(report)));
        }

        await Client().WriteAsync(lines.WrittenMemory, CancellationToken.None);
    }

    /// <summary>The single number a query such as <c>SELECT count(…)</c> or <c>SELECT mean(…)</c> answers, or 0 when it finds nothing.</summary>
    public async Task<double> NumberAsync(string query)
    {
        var result = await Client().QueryAsync(query, CancellationToken.None);
        return result.Series.FirstOrDefault() is { } s ? s.Value(0, s.Columns[1]).GetDouble() : 0;
    }

    private async Task<long> CountAsync(string query) => (long)await NumberAsync(query);

    // Even seq: inference_p95_ms 180 and input_processed_share 0.99, odd: 120 and 0.9; the world (vehicles) is the same in each.
    private static KpiReport Report(string device, int seq, bool even, string modelVersion) => new()
    {
        V = 1,
        Site = "tianhe-11",
        Device = device,
        Scenario = Scenario,
        Seq = seq,
        WindowStart = From.AddSeconds(10 * (seq - 1)),
        WindowEnd = From.AddSeconds(10 * seq),
        Kpis = new Dictionary<string, double>
        {
            ["inference_p95_ms"] = even ? 180 : 120,
            ["input_processed_share"] = even ? 0.99 : 0.9,
            ["vehicle_flow_per_hour"] = 900,
            ["pedestrian_count"] = 2,
            ["vehicle_count"] = 25,
        },
        Model = new ModelInfo("yolo", modelVersion, new string('a', 64)),
    };
}

/// <summary>One ingested data set (one broker, cloud and InfluxDB) for every evaluation test class.</summary>
[CollectionDefinition(Name)]
public sealed class IngestedProgrammeCollection : ICollectionFixture<IngestedProgrammeFixture>
{
    public const string Name = "ingested programme";
}
