using System.Text.Json;

namespace GzAiEdge.Testing;

/// <summary>
/// A real VictoriaMetrics single-node server (Debian's <c>victoria-metrics</c>) on a free loopback port
/// with its storage in a temp folder. It takes line protocol on both <c>/write</c> and
/// <c>/api/v2/write</c> and stores each numeric field as a series named <c>{measurement}_{field}</c> with
/// the tags as labels, at millisecond precision (string fields become 0). Started with a 100-year
/// retention (test data may be old) and deduplication of samples with the same series and timestamp,
/// which is what makes a redelivered point land on the same sample, as in InfluxDB.
/// </summary>
public sealed class VictoriaMetricsServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly TempFolder _folder = new("gz-victoria-metrics");
    private ChildProcess? _process;

    private VictoriaMetricsServer(int port)
    {
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public int Port { get; }

    /// <summary>Server output so far (useful in assertion messages).</summary>
    public string Output => _process?.Output ?? string.Empty;

    public static async Task<VictoriaMetricsServer> StartAsync()
    {
        TestCategory.EnsureServersAllowed("VictoriaMetrics");
        var server = new VictoriaMetricsServer(FreePort.Next());
        try
        {
            server._process = ChildProcess.Start("victoria-metrics",
            [
                "-httpListenAddr", $"127.0.0.1:{server.Port}", "-storageDataPath", server._folder.File("data"),
                "-retentionPeriod=100y", "-dedup.minScrapeInterval=1ms", "-loggerLevel=WARN",
            ]);
            await PortProbe.WaitUntilListeningAsync(server.Port, server._process, "victoria-metrics", TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Every series matching <paramref name="selector"/> (a PromQL series selector, e.g. <c>{__name__=~"kpi_.*"}</c>)
    /// with its raw samples, through <c>/api/v1/export</c>, after flushing what was just written to searchable storage.
    /// </summary>
    public async Task<IReadOnlyList<ExportedSeries>> ExportAsync(string selector)
    {
        using (var flush = await Http.GetAsync(new Uri(BaseAddress, "internal/force_flush")))
        {
            flush.EnsureSuccessStatusCode();
        }

        using var body = new FormUrlEncodedContent([new("match[]", selector)]);
        using var response = await Http.PostAsync(new Uri(BaseAddress, "api/v1/export"), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"victoria-metrics refused the export of {selector}: {(int)response.StatusCode} {text}\n{Output}");
        }

        var series = new List<ExportedSeries>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            series.Add(new ExportedSeries(
                root.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                [.. root.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())],
                [.. root.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64())]));
        }

        return series;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
            await _process.DisposeAsync();
            _process = null;
        }

        _folder.Dispose();
    }
}

/// <summary>One exported series: its labels (<c>__name__</c> included) and its samples, timestamps in Unix milliseconds.</summary>
public sealed record ExportedSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<double> Values, IReadOnlyList<long> Timestamps)
{
    public string Name => Labels["__name__"];
}
