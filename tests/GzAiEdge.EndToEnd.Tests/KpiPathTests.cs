using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>Edge worker → Mosquitto → cloud ingestion → InfluxDB, all real processes.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class KpiPathTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("gz-e2e");
    private MosquittoBroker _broker = null!;
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _influx = await InfluxDbServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _influx.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Every_report_an_edge_device_sends_becomes_exactly_one_point_and_bad_payloads_are_dead_lettered()
    {
        var (cloud, api) = await GzProcesses.StartCloudAsync(_broker, _influx, _folder);
        await using var cloudProcess = cloud;
        await using var edge = GzProcesses.StartEdge(EdgeConfig("traffic", "cam-01", "traffic-tianhe-flow"), _folder);

        await EndToEndSupport.WaitForAsync(async () => await CountPointsAsync("cam-01") >= 2, () => "the first reports to be stored", cloud, edge);
        await PublishRawAsync("gz/v1/tianhe-01/cam-09/kpi", "{\"v\":1,\"site\":\"tianhe-01\"");
        await EndToEndSupport.WaitForAsync(async () => await CountPointsAsync("cam-01") >= 5, () => "reports after the bad payload", cloud, edge);
        await edge.StopAsync(TimeSpan.FromSeconds(20));
        var sent = LastSeq(_folder.File("state/cam-01.outbox.db"));
        await EndToEndSupport.WaitForAsync(async () => await CountPointsAsync("cam-01") == sent, () => $"all {sent} reports to be stored", cloud, edge);

        var rows = await EndToEndSupport.QueryAsync(_influx, "SELECT \"seq\", \"vehicle_count\", \"vehicle_flow_per_hour\" FROM \"kpi\" WHERE \"device\" = 'cam-01' GROUP BY *");
        var series = Assert.Single(rows.Series);
        Assert.Equal(
            new Dictionary<string, string> { ["site"] = "tianhe-01", ["device"] = "cam-01", ["scenario"] = "traffic-tianhe-flow", ["sector"] = "traffic" },
            series.Tags);
        var seqColumn = series.Columns.ToList().IndexOf("seq");
        Assert.Equal(Enumerable.Range(1, (int)sent).Select(i => (long)i), series.Values.Select(r => r[seqColumn].GetInt64()).Order());
        Assert.All(series.Values, r => Assert.True(r[series.Columns.ToList().IndexOf("vehicle_count")].GetDouble() >= 0));

        using var http = CloudAccounts.AdminClient(api, _folder);
        var letters = await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters");
        var letter = Assert.Single(letters.GetProperty("items").EnumerateArray());
        Assert.Equal("gz/v1/tianhe-01/cam-09/kpi", letter.GetProperty("topic").GetString());
        Assert.Contains("invalid JSON", letter.GetProperty("reason").GetString());
        Assert.Equal("{\"v\":1,\"site\":\"tianhe-01\"", letter.GetProperty("payload").GetString());
    }

    [Fact]
    public async Task Three_sector_devices_are_read_back_through_the_latest_kpi_api()
    {
        var (cloud, api) = await GzProcesses.StartCloudAsync(_broker, _influx, _folder);
        await using var cloudProcess = cloud;
        await using var traffic = GzProcesses.StartEdge(EdgeConfig("traffic", "cam-01", "traffic-tianhe-flow"), _folder, "traffic");
        await using var manufacturing = GzProcesses.StartEdge(EdgeConfig("manufacturing", "line-03", "mfg-huangpu-inspection"), _folder, "manufacturing");
        await using var medical = GzProcesses.StartEdge(EdgeConfig("medical", "ward-05", "med-yuexiu-vitals"), _folder, "medical");
        using var http = CloudAccounts.AdminClient(api, _folder);

        JsonElement latest = default;
        await EndToEndSupport.WaitForAsync(async () =>
        {
            latest = await http.GetFromJsonAsync<JsonElement>("/api/v1/kpis/latest");
            // A loaded machine can start a device's pipeline so late in its first window that the window holds no
            // samples: a valid report carrying only "samples": 0. Wait for a window with data from each device.
            return latest.GetArrayLength() == 3
                && latest.EnumerateArray().All(e => e.GetProperty("kpis").GetProperty("samples").GetDouble() > 0);
        }, () => $"all three devices in /api/v1/kpis/latest with data; last answer: {latest}", cloud, traffic, manufacturing, medical);

        var byDevice = latest.EnumerateArray().ToDictionary(e => e.GetProperty("device").GetString()!);
        Assert.Equal("traffic", byDevice["cam-01"].GetProperty("sector").GetString());
        Assert.True(byDevice["cam-01"].GetProperty("kpis").TryGetProperty("vehicle_count", out _));
        Assert.Equal("manufacturing", byDevice["line-03"].GetProperty("sector").GetString());
        Assert.True(byDevice["line-03"].GetProperty("kpis").TryGetProperty("units_inspected", out _));
        Assert.Equal("medical", byDevice["ward-05"].GetProperty("sector").GetString());
        Assert.InRange(byDevice["ward-05"].GetProperty("kpis").GetProperty("spo2_mean").GetDouble(), 80, 100);

        var filtered = await http.GetFromJsonAsync<JsonElement>("/api/v1/kpis/latest?scenario=med-yuexiu-vitals");
        Assert.Equal("ward-05", Assert.Single(filtered.EnumerateArray()).GetProperty("device").GetString());
        var bad = await http.GetAsync(new Uri("/api/v1/kpis/latest?scenario=Bad%20Id", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("must start with a-z or 0-9", await bad.Content.ReadAsStringAsync());
    }

    private string EdgeConfig(string profile, string device, string scenario) => $"""
        edge:
          site: {(profile == "traffic" ? "tianhe-01" : profile == "manufacturing" ? "huangpu-02" : "yuexiu-03")}
          device: {device}
          scenario: {scenario}
          windowSeconds: 1
          heartbeatSeconds: 1
          stateDirectory: {_folder.File("state")}
        broker:
          port: {_broker.Port}
          allowPlaintext: true
        source:
          profile: {profile}
          sampleHz: 20
        """;

    // The device's outbox keeps the last seq it handed out, so that numbering survives a restart gap-free.
    private static long LastSeq(string outbox)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={outbox};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT last_seq FROM chain";
        return (long)command.ExecuteScalar()!;
    }

    private async Task<long> CountPointsAsync(string device)
    {
        var result = await EndToEndSupport.QueryAsync(_influx, $"SELECT count(\"seq\") FROM \"kpi\" WHERE \"device\" = {InfluxQl.StringLiteral(device)}");
        return result.Series.FirstOrDefault() is { } series ? series.Value(0, "count").GetInt64() : 0;
    }


    private async Task PublishRawAsync(string topic, string payload)
    {
        await using var pub = ChildProcess.Start("mosquitto_pub", ["-h", _broker.Host, "-p", _broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", topic, "-m", payload]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await pub.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, pub.ExitCode);
    }
}
