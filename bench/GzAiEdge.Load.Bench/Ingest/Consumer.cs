using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Load.Bench.Support;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>What drains the broker into InfluxDB: GzAiEdge's cloud host (Release build) or the Node.js MQTT.js bridge.</summary>
public enum ConsumerKind
{
    GzAiEdge,
    NodeBridge,
}

/// <summary>One running ingestion instance under test, started as its own process on its own persistent session.</summary>
public sealed class Consumer : IAsyncDisposable
{
    private readonly Uri? _api;
    private readonly string? _token;

    private Consumer(ConsumerKind kind, ChildProcess process, Uri? api = null, string? token = null) =>
        (Kind, Process, _api, _token) = (kind, process, api, token);

    public ConsumerKind Kind { get; }

    public ChildProcess Process { get; }

    public static Consumer Start(ConsumerKind kind, IngestEnvironment env, string clientId, TempFolder folder) => kind switch
    {
        ConsumerKind.GzAiEdge => StartCloud(env, clientId, folder),
        _ => new Consumer(kind, ChildProcess.Start("node",
            [
                "mqtt-influx-bridge.mjs", "--port", $"{env.Broker.Port}", "--influx", env.Influx.BaseAddress.ToString(), "--db", env.Influx.Database,
                "--client-id", clientId, "--sectors", env.SectorsFile, "--ack", env.PeerAck, "--receive-maximum", $"{env.ReceiveMaximum}",
            ], workingDirectory: BenchPaths.Peers), null),
    };

    /// <summary>Returns once the instance holds its subscriptions (GzAiEdge: ingestion and then, when on, the live feed).</summary>
    public async Task WaitUntilSubscribedAsync(bool liveFeed)
    {
        var marker = Kind != ConsumerKind.GzAiEdge ? "subscribed" : liveFeed ? "Live feed subscribed" : "Subscribed to $share";
        for (var waited = 0; !Process.Output.Contains(marker, StringComparison.Ordinal); waited += 100)
        {
            if (Process.HasExited || waited > 60_000)
            {
                throw new InvalidOperationException($"{IngestBench.Name(Kind)} did not subscribe (exited: {Process.HasExited}):\n{Process.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Messages this instance stored (its own count, for the split between instances), then stops it.</summary>
    public async Task<long> StopAndCountAsync()
    {
        if (_api is not null)
        {
            // The stats are for admins: the cloud's accounts store holds the bench's admin.
            using var http = CloudAccounts.Client(_api, _token!);
            http.Timeout = TimeSpan.FromSeconds(10);
            using var stats = await http.GetFromJsonAsync<JsonDocument>(new Uri(_api, "/api/v1/ingestion/stats"));
            await Process.StopAsync(TimeSpan.FromSeconds(15));
            return stats!.RootElement.GetProperty("stored").GetInt64();
        }

        // The bridge prints {"stored":N,"batches":B} when it is asked to stop.
        await Process.StopAsync(TimeSpan.FromSeconds(15));
        var line = Process.Output.Split('\n').LastOrDefault(l => l.StartsWith("{\"stored\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the Node bridge printed no count when stopped:\n{Process.Output}");
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("stored").GetInt64();
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static Consumer StartCloud(IngestEnvironment env, string clientId, TempFolder folder)
    {
        var api = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var token = CloudAccounts.AdminToken(folder);
        var process = GzProcesses.StartCloud(folder,
            $"--Access:StorePath={CloudAccounts.Store(folder)}", $"--AuditLog:Path={CloudAccounts.AuditLog(folder)}",
            "--urls", api.ToString(),
            $"--InfluxDb:BaseAddress={env.Influx.BaseAddress}", $"--InfluxDb:Database={env.Influx.Database}",
            $"--Broker:Port={env.Broker.Port}", $"--Broker:Ingest:ClientId={clientId}",
            // The bench's own broker listens on loopback without TLS, like the Node bridge's connection to it.
            "--Broker:AllowPlaintext=true",
            $"--Catalogue:Path={env.CatalogueFile}", $"--Evaluation:TypesPath={RepoPaths.Combine("firmware-configs", "scenarios", "types")}",
            $"--DeadLetters:Path={folder.File($"{clientId}-dead-letters.db")}", $"--LiveFeed:Enabled={env.LiveFeed}",
            $"--Alerts:RulesPath={RepoPaths.Combine("firmware-configs", "alerts", "rules.yaml")}", $"--Alerts:StorePath={folder.File($"{clientId}-alerts.db")}");
        return new Consumer(ConsumerKind.GzAiEdge, process, api, token);
    }
}
