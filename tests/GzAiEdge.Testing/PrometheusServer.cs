using System.Globalization;
using System.Text.Json;

namespace GzAiEdge.Testing;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c>) on a free loopback port, its storage in a temp folder, scraping
/// the given targets every second; <see cref="QueryAsync"/> asks its HTTP API what it scraped.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly TempFolder _folder = new("gz-prometheus");
    private ChildProcess? _process;

    private PrometheusServer(int port) => BaseAddress = new Uri($"http://127.0.0.1:{port}/");

    public Uri BaseAddress { get; }

    /// <summary>Server output so far (useful in assertion messages).</summary>
    public string Output => _process?.Output ?? string.Empty;

    /// <summary>
    /// Starts Prometheus with <paramref name="scrapeConfigs"/>, the YAML list under <c>scrape_configs:</c> (each item
    /// starting with <c>- job_name:</c>, indented by two spaces).
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(string scrapeConfigs)
    {
        TestCategory.EnsureServersAllowed("Prometheus");
        var port = FreePort.Next();
        var server = new PrometheusServer(port);
        try
        {
            var config = server._folder.File("prometheus.yml");
            await File.WriteAllTextAsync(config, $"global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n{scrapeConfigs}");
            server._process = ChildProcess.Start("prometheus",
            [
                $"--config.file={config}", $"--storage.tsdb.path={server._folder.File("data")}",
                $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
            ]);
            await PortProbe.WaitUntilListeningAsync(port, server._process, "prometheus", TimeSpan.FromSeconds(60));
            // It listens before its storage is open, and answers 503 "Service Unavailable" until /-/ready says so.
            for (var waited = 0; !await server.ReadyAsync(); waited += 100)
            {
                if (server._process.HasExited || waited > 60_000)
                {
                    throw new InvalidOperationException($"Prometheus did not become ready (exited: {server._process.HasExited}); its output:\n{server.Output}");
                }

                await Task.Delay(100);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(BaseAddress, "-/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>An instant PromQL query; each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promQl)
    {
        using var response = await Http.GetAsync(new Uri(BaseAddress, $"api/v1/query?query={Uri.EscapeDataString(promQl)}"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (json.RootElement.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused '{promQl}': {json.RootElement}");
        }

        return [.. json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => (
            (IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Each target's scrape health (<c>up</c>), by job.</summary>
    public async Task<string> TargetsAsync() => await Http.GetStringAsync(new Uri(BaseAddress, "api/v1/targets"));

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
