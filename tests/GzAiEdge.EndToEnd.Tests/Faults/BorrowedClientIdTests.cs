using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// An attacker with one device's broker credentials connects with ingestion's client id, with and without clean start,
/// while the cloud is down and reports wait in ingestion's persistent session. With the broker as provisioned
/// (<c>use_username_as_clientid</c>) the attacker only ever gets its own device's session: nothing is lost. The same
/// attack on a broker without that line is the control: it ends ingestion's session and the reports queued in it.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class BorrowedClientIdTests(ITestOutputHelper output)
{
    private const string Site = "tianhe-01";
    private const int Reports = 50;

    [Fact]
    public async Task A_device_identity_borrowing_ingestions_client_id_disturbs_neither_its_session_nor_its_queued_reports()
    {
        using var folder = new TempFolder("gz-borrowed-id");
        var site = await ProvisionedSite.CreateAsync(folder, Site, "cam-01", "cam-02");
        await using var broker = await site.StartBrokerAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var registry = site.Env("cloud/cloud")["Verification__KeyRegistryPath"];
        // cam-02 reports for the demo's traffic scenario, so the catalogue the cloud reads lists it there.
        var catalogue = ListedCatalogue.Write(folder.File("catalogue.yaml"), [("traffic-tianhe-flow", Site, "cam-02")]);
        var (cloud, api) = await GzProcesses.StartCloudAsync(broker, influx, folder, [.. site.CloudArgs(), .. catalogue, $"--Verification:KeyRegistryPath={registry}"]);
        await using (cloud)
        {
            // Down cleanly: its persistent session keeps the shared subscription, and reports queue for it.
            await cloud.StopAsync(TimeSpan.FromSeconds(20));
        }

        await PublishAsync(site, "cam-02", Reports);
        var stolen = await BorrowAsync(site, "cam-01");

        var (again, _) = await GzProcesses.StartCloudAsync(broker, influx, folder, [.. site.CloudArgs(), .. catalogue, $"--Verification:KeyRegistryPath={registry}"]);
        await using (again)
        {
            await WaitForAsync(async () => (await StoredAsync(influx, "cam-02")).Count >= Reports, $"the {Reports} queued reports", again);
        }

        Assert.Equal(0, stolen);
        Assert.Equal(Enumerable.Range(1, Reports).Select(i => (long)i), (await StoredAsync(influx, "cam-02")).Order());
        output.WriteLine($"borrowed client id: {Reports} reports queued for ingestion, attacker (tianhe-01.cam-01 as gz-ingest-1, clean start and resumed) "
            + $"received {stolen}; stored {Reports}, lost 0");
    }

    [Fact]
    public async Task Without_use_username_as_clientid_the_same_borrowing_ends_ingestions_session_the_control()
    {
        using var folder = new TempFolder("gz-borrowed-id-control");
        var site = await ProvisionedSite.CreateAsync(folder, Site, "cam-01", "cam-02");
        var unbound = File.ReadAllText(Path.Combine(site.Pki, "mosquitto", "gz-secure.conf")).Replace("use_username_as_clientid true", string.Empty, StringComparison.Ordinal);
        await using var broker = await MosquittoBroker.StartAsync(unbound);
        await using (var ingest = await PersistentIngestAsync(site))
        {
            await ingest.SubscribeAsync([new MqttSubscription("$share/gz-ingest/gz/v1/+/+/+")], CancellationToken.None);
        }

        await PublishAsync(site, "cam-02", Reports);
        await BorrowAsync(site, "cam-01");
        await using var resumed = await PersistentIngestAsync(site);
        await Task.Delay(TimeSpan.FromSeconds(2));

        // The attacker's clean start deleted the session: nothing queued is left for ingestion.
        Assert.False(resumed.Messages.TryRead(out _));
    }

    private static async Task<MqttClient> PersistentIngestAsync(ProvisionedSite site)
    {
        var client = new MqttClient(site.ClientOptions("cloud/ingest-1", "gz-ingest-1") with { CleanStart = false, SessionExpiryIntervalSeconds = 3600 });
        await client.ConnectAsync(CancellationToken.None);
        return client;
    }

    private static async Task PublishAsync(ProvisionedSite site, string device, int count)
    {
        await using var client = await site.ConnectAsync($"devices/{device}", $"{Site}.{device}");
        for (var seq = 1; seq <= count; seq++)
        {
            var report = new KpiReport
            {
                V = 1,
                Site = Site,
                Device = device,
                Scenario = "traffic-tianhe-flow",
                Seq = seq,
                WindowStart = DateTimeOffset.UnixEpoch.AddYears(56).AddSeconds(seq - 1),
                WindowEnd = DateTimeOffset.UnixEpoch.AddYears(56).AddSeconds(seq),
                Kpis = new Dictionary<string, double> { ["vehicle_count"] = seq },
            };
            await client.PublishAsync(new MqttApplicationMessage($"gz/v1/{Site}/{device}/kpi",
                JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport)), CancellationToken.None);
        }
    }

    // Connects with the device's credentials as gz-ingest-1, first with clean start (which would delete the session),
    // then resuming (which would inherit it) and subscribing to the share group; returns what it received.
    private static async Task<int> BorrowAsync(ProvisionedSite site, string device)
    {
        await using (var clean = new MqttClient(site.ClientOptions($"devices/{device}", "gz-ingest-1") with { CleanStart = true }))
        {
            await clean.ConnectAsync(CancellationToken.None);
        }

        await using var resume = new MqttClient(site.ClientOptions($"devices/{device}", "gz-ingest-1") with { CleanStart = false, SessionExpiryIntervalSeconds = 3600 });
        await resume.ConnectAsync(CancellationToken.None);
        await resume.SubscribeAsync([new MqttSubscription("$share/gz-ingest/gz/v1/+/+/+")], CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var received = 0;
        while (resume.Messages.TryRead(out var message))
        {
            message.Dispose();
            received++;
        }

        return received;
    }

    private static async Task<List<long>> StoredAsync(InfluxDbServer influx, string device)
    {
        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = influx.BaseAddress, Database = influx.Database }));
        var result = await client.QueryAsync($"SELECT \"seq\" FROM \"kpi\" WHERE \"device\" = {InfluxQl.StringLiteral(device)}", CancellationToken.None);
        return result.Series.FirstOrDefault() is { } series ? [.. series.Values.Select(row => row[1].GetInt64())] : [];
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, ChildProcess cloud)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}\n--- cloud ---\n{cloud.Output}");
            await Task.Delay(200);
        }
    }
}
