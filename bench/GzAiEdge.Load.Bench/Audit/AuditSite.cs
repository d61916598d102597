using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Audit;

/// <summary>
/// What the audit benchmark runs on: Mosquitto, InfluxDB, the cloud with an audit store holding the test set and the
/// programme key, and one edge worker running the project's traffic detector on its replay (5 fps, 1 s windows), which
/// takes audit.run. Everything under one temporary folder, stopped by PID on dispose.
/// </summary>
internal sealed class AuditSite : IAsyncDisposable
{
    public const string Scenario = "bench-traffic";
    public const string Site = "bench-01";
    public const string Device = "cam-01";

    // The worker's API token, as gz provision gives a device one; the cloud knows its hash (Access:DeviceTokensPath).
    private readonly string _deviceToken = Access.Tokens.TokenFormat.New(Access.Tokens.TokenFormat.DevicePrefix);

    private AuditSite(TempFolder folder, MosquittoBroker broker, InfluxDbServer influx) => (Folder, Broker, Influx) = (folder, broker, influx);

    public TempFolder Folder { get; }

    public MosquittoBroker Broker { get; }

    public InfluxDbServer Influx { get; }

    public ChildProcess Cloud { get; private set; } = null!;

    public ChildProcess Edge { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<AuditSite> StartAsync(string testSet, TextWriter output)
    {
        var folder = new TempFolder("gz-bench-audit");
        var site = new AuditSite(folder, await MosquittoBroker.StartAsync(), await InfluxDbServer.StartAsync());
        using (var programme = ProgrammeSigner.Create())
        using (var device = DeviceSigner.Create())
        using (var command = CommandSigner.Create())
        {
            File.WriteAllText(folder.File("command-key.pem"), command.ExportPrivateKeyPem());
            File.WriteAllText(folder.File("command-key.pub.pem"), command.PublicKeyPem);
            File.WriteAllText(folder.File("programme-key.pem"), programme.ExportPrivateKeyPem());
            File.WriteAllText(folder.File("programme.pub.pem"), programme.PublicKeyPem);
            File.WriteAllText(folder.File("device-key.pem"), device.ExportPrivateKeyPem());
            DeviceKeyRegistry.Save(folder.File("device-keys.json"), new DeviceKeyRegistryFile([new DeviceKeyEntry(Site, Device, device.PublicKeyPem)]));
        }

        File.WriteAllText(folder.File("catalogue.yaml"), $"""
            scenarios:
              - id: {Scenario}
                sector: traffic
                type: traffic-flow
                name:
                  zh: 审计基准
                  en: Audit benchmark
                provider: bench
                sites:
                  - site: {Site}
                    devices: [{Device}]
                period: {"{"}from: 2026-01-01, to: 2030-01-01{"}"}
            """);
        var (code, text) = await GzProcesses.RunCliAsync(folder, "testset", "import", testSet, "--store", folder.File("audits"));
        output.Write(text);
        if (code != 0)
        {
            throw new InvalidOperationException($"gz testset import {testSet} failed");
        }

        await site.StartProcessesAsync();
        return site;
    }

    /// <summary>Starts an audit of the device on <paramref name="testSet"/>; returns its id.</summary>
    public async Task<string> StartAuditAsync(string testSet)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("api/v1/audits", UriKind.Relative), new Contracts.Api.AuditRequest(Scenario, testSet, Site, Device, 30));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!
            : throw new InvalidOperationException($"POST /api/v1/audits: {(int)response.StatusCode} {body}");
    }

    /// <summary>The part's state and the audit's view once it ended.</summary>
    public async Task<JsonElement> EndedAsync(string audit)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            var view = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"api/v1/audits/{audit}", UriKind.Relative))).RootElement;
            if (view.GetProperty("devices")[0].GetProperty("state").GetString() != "pending")
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"audit {audit} did not end within a minute");
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Edge is not null)
        {
            await Edge.DisposeAsync();
        }

        if (Cloud is not null)
        {
            await Cloud.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Influx.DisposeAsync();
        Folder.Dispose();
    }

    private async Task StartProcessesAsync()
    {
        File.WriteAllText(Folder.File("device-tokens.json"), JsonSerializer.Serialize(new
        {
            devices = new[] { new { site = Site, device = Device, sha256 = Access.Tokens.TokenFormat.Hash(_deviceToken) } },
        }));
        Uri api;
        (Cloud, api) = await GzProcesses.StartCloudAsync(Broker, Influx, Folder, $"--Catalogue:Path={Folder.File("catalogue.yaml")}",
            $"--Evaluation:TypesPath={RepoPaths.Combine("firmware-configs", "scenarios", "types")}", $"--Audits:Path={Folder.File("audits")}",
            $"--Audits:SigningKeyFile={Folder.File("programme-key.pem")}", $"--Verification:KeyRegistryPath={Folder.File("device-keys.json")}",
            $"--Commands:SigningKeyFile={Folder.File("command-key.pem")}", $"--Access:DeviceTokensPath={Folder.File("device-tokens.json")}");
        Http = CloudAccounts.AdminClient(api, Folder);
        Edge = GzProcesses.StartEdge($"""
            edge:
              site: {Site}
              device: {Device}
              scenario: {Scenario}
              windowSeconds: 1
              stateDirectory: {Folder.File("state")}
              signingKeyFile: {Folder.File("device-key.pem")}
            broker:
              port: {Broker.Port}
              allowPlaintext: true
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", "traffic")}
              sampleHz: 20
            pipeline:
              kind: traffic-detection
              model: {RepoPaths.Combine("models", "traffic-detector.onnx")}
              modelVersion: "1"
            inference:
              intraOpThreads: 1
            commands:
              enabled: [audit.run]
              commandKeyFiles: [{Folder.File("command-key.pub.pem")}]
              programmeKeyFile: {Folder.File("programme.pub.pem")}
              api: {api}
            """, Folder, Device, new Dictionary<string, string> { ["Commands__ApiToken"] = _deviceToken });
        for (var waited = 0; !Edge.Output.Contains("Listening for commands", StringComparison.Ordinal); waited++)
        {
            if (Edge.HasExited || waited > 600)
            {
                throw new InvalidOperationException($"the edge worker did not start; its output:\n{Edge.Output}");
            }

            await Task.Delay(100);
        }
    }
}
