using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// Debian's Prometheus scrapes the cloud's /metrics (with an admin's token from a file, as docs/operations.md tells a
/// site to) and an edge worker's own listener, while the worker reports through a real broker into InfluxDB.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MetricsScrapeTests : IDisposable
{
    private readonly TempFolder _folder = new("gz-metrics");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Prometheus_scrapes_the_named_metrics_of_the_cloud_and_an_edge_worker_with_real_values()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var (cloud, api) = await GzProcesses.StartCloudAsync(broker, influx, _folder);
        await using var _ = cloud;
        var edgePort = FreePort.Next();
        // A model pipeline on the traffic replay, so that inference has times to show.
        await using var edge = GzProcesses.StartEdge($"""
            profile: x64-dev
            edge: {"{"} site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow, windowSeconds: 1, heartbeatSeconds: 1, stateDirectory: {_folder.File("state")} {"}"}
            broker: {"{"} port: {broker.Port}, allowPlaintext: true {"}"}
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "traffic")}, sampleHz: 20 {"}"}
            pipeline: {"{"} kind: traffic-detection, model: {RepoPaths.Combine("models", "traffic-detector.onnx")} {"}"}
            metrics: {"{"} port: {edgePort} {"}"}
            """, _folder);
        var token = _folder.File("prometheus.token");
        await File.WriteAllTextAsync(token, CloudAccounts.AdminToken(_folder));
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var prometheus = await PrometheusServer.StartAsync($"""
              - job_name: gz-cloud
                bearer_token_file: {token}
                static_configs:
                  - targets: ["127.0.0.1:{api.Port}"]
              - job_name: gz-edge
                static_configs:
                  - targets: ["127.0.0.1:{edgePort}"]
            """);

        // An evaluation and a malformed message, so that their metrics have something to count.
        using var http = CloudAccounts.AdminClient(api, _folder);
        await EndToEndSupport.WaitForAsync(async () => await ValueAsync(prometheus, "gz_ingest_messages_total{job=\"gz-cloud\"}") > 0,
            () => "Prometheus to scrape stored messages from the cloud", cloud, edge);
        var now = DateTimeOffset.UtcNow;
        using (await http.GetAsync(new Uri($"/api/v1/evaluation/scenarios/traffic-tianhe-flow?from={now.AddHours(-1):O}&to={now:O}".Replace("+", "%2B", StringComparison.Ordinal), UriKind.Relative)))
        {
        }

        await using (var pub = ChildProcess.Start("mosquitto_pub", ["-h", broker.Host, "-p", $"{broker.Port}", "-q", "1", "-t", "gz/v1/tianhe-01/cam-01/kpi", "-m", "{"]))
        {
            await pub.WaitForExitAsync(CancellationToken.None);
        }

        (string Query, double AtLeast)[] expected =
        [
            ("gz_ingest_batches_total", 1),
            ("gz_ingest_batch_write_duration_seconds_count", 1),
            ("gz_ingest_dead_letters_total{reason=\"invalid\"}", 1),
            ("gz_broker_connected{job=\"gz-cloud\",connection=\"ingest\"}", 1),
            ("gz_live_streams", 0),
            ("gz_evaluation_duration_seconds_count{scope=\"scenario\"}", 1),
            ("gz_edge_pipeline_ticks_total{job=\"gz-edge\"}", 1),
            ("gz_edge_inference_duration_milliseconds_count{job=\"gz-edge\"}", 1),
            ("gz_edge_outbox_depth{job=\"gz-edge\"}", 0),
            ("gz_edge_outbox_evicted_total{job=\"gz-edge\"}", 0),
            ("gz_edge_broker_reconnects_total{job=\"gz-edge\"} or on() vector(0)", 0),
        ];
        foreach (var (query, atLeast) in expected)
        {
            await EndToEndSupport.WaitForAsync(async () => await ValueAsync(prometheus, query) >= atLeast,
                () => $"Prometheus to hold {query} >= {atLeast}; targets: {prometheus.TargetsAsync().GetAwaiter().GetResult()}", cloud, edge);
        }

        var inference = await ValueAsync(prometheus, "gz_edge_inference_duration_milliseconds_sum / gz_edge_inference_duration_milliseconds_count");
        Assert.True(inference is > 0 and < 10_000, $"mean inference time {inference} ms");
    }

    private static async Task<double> ValueAsync(PrometheusServer prometheus, string query) =>
        (await prometheus.QueryAsync(query)) is [var first, ..] ? first.Value : double.NaN;
}
