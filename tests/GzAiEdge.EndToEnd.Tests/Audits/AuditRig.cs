using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests.Audits;

/// <summary>
/// A programme of its own for audits: Mosquitto, InfluxDB, the cloud with an audit store (the four committed test sets
/// imported with <c>gz testset import</c>), the programme key that signs audit manifests and a key registry, and four
/// real edge workers, one per model pipeline, each on its replay with its own signing key, taking <c>audit.run</c>.
/// The cloud signs commands with a command key of the rig's; the workers hold its public half. The catalogue lists each worker under a scenario of its own, and a device that never runs (<see cref="Ghost"/>),
/// for answers a test writes itself.
/// </summary>
public sealed class AuditRig : IAsyncLifetime
{
    public const string Site = "audit-01";
    public const string Ghost = "cam-09";

    /// <summary>Device, scenario, scenario type, pipeline, model, replay and extra pipeline settings of each worker.</summary>
    public static readonly IReadOnlyList<(string Device, string Scenario, string Type, string Pipeline, string Model, string Replay, string Settings)> Workers =
    [
        ("cam-01", "audit-traffic", "traffic-flow", "traffic-detection", "traffic-detector", "traffic", "scoreThreshold: 0.5"),
        ("line-01", "audit-inspection", "visual-inspection", "visual-inspection", "inspection-classifier", "inspection", "decisionThreshold: 0.5"),
        ("motor-01", "audit-vibration", "vibration-anomaly-monitoring", "vibration-anomaly", "vibration-autoencoder", "vibration", "anomalyThreshold: 0.016725"),
        ("ward-01", "audit-vitals", "vital-signs-monitoring", "vitals-classification", "vitals-classifier", "vitals", "decisionThreshold: 0.5"),
    ];

    private readonly List<ChildProcess> _processes = [];

    public TempFolder Folder { get; } = new("gz-audits");

    public MosquittoBroker Broker { get; private set; } = null!;

    public InfluxDbServer Influx { get; private set; } = null!;

    public ChildProcess Cloud { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public ProgrammeSigner Programme { get; } = ProgrammeSigner.Create();

    public Dictionary<string, DeviceSigner> Keys { get; } = [];

    public Dictionary<string, ChildProcess> Edges { get; } = [];

    /// <summary>Each device's API token (the cloud knows their hashes from <c>Access:DeviceTokensPath</c>), as gz provision gives them.</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    public string Store => Folder.File("audits");

    public async Task InitializeAsync()
    {
        var broker = MosquittoBroker.StartAsync();
        var influx = InfluxDbServer.StartAsync();
        (Broker, Influx) = (await broker, await influx);
        WriteKeysAndCatalogue();
        foreach (var set in new[] { "traffic", "inspection", "vibration", "vitals" })
        {
            var (code, text) = await GzProcesses.RunCliAsync(Folder, "testset", "import", RepoPaths.Combine("models", "testsets", set), "--store", Store);
            Assert.True(code == 0, text);
        }

        (Cloud, Api) = await GzProcesses.StartCloudAsync(Broker, Influx, Folder,
            $"--Catalogue:Path={Folder.File("catalogue.yaml")}", $"--Evaluation:TypesPath={RepoPaths.Combine("firmware-configs", "scenarios", "types")}",
            $"--Audits:Path={Store}", $"--Audits:SigningKeyFile={Folder.File("programme-key.pem")}", $"--Verification:KeyRegistryPath={Folder.File("device-keys.json")}",
            $"--Commands:SigningKeyFile={Folder.File("command-key.pem")}", $"--Access:DeviceTokensPath={Folder.File("device-tokens.json")}",
            "--Ingestion:FlushMilliseconds=50");
        _processes.Add(Cloud);
        Http = CloudAccounts.AdminClient(Api, Folder);
        foreach (var worker in Workers)
        {
            await StartEdgeAsync(worker.Device, RepoPaths.Combine("models", $"{worker.Model}.onnx"));
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Influx.DisposeAsync();
        Programme.Dispose();
        foreach (var key in Keys.Values)
        {
            key.Dispose();
        }

        Folder.Dispose();
    }

    /// <summary>
    /// Starts the worker of <paramref name="device"/> (again: its state folder is kept) with <paramref name="model"/>; returns
    /// once it reported and listens for commands. A device that is not one of <see cref="Workers"/> runs traffic detection
    /// for scenario audit-swap, with <paramref name="settings"/> (pipeline keys, one per line).
    /// </summary>
    public async Task<ChildProcess> StartEdgeAsync(string device, string model, params string[] settings)
    {
        var w = Workers.FirstOrDefault(w => w.Device == device);
        var (scenario, pipeline, replay, extra) = w.Device is null
            ? ("audit-swap", "traffic-detection", "traffic", string.Join("\n  ", settings.Length > 0 ? settings : ["scoreThreshold: 0.5"]))
            : (w.Scenario, w.Pipeline, w.Replay, w.Settings);
        var started = DateTimeOffset.UtcNow;
        var edge = GzProcesses.StartEdge($"""
            edge:
              site: {Site}
              device: {device}
              scenario: {scenario}
              windowSeconds: 1
              stateDirectory: {Folder.File("state")}
              signingKeyFile: {Folder.File($"{device}-key.pem")}
            broker:
              port: {Broker.Port}
              allowPlaintext: true
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", replay)}
              sampleHz: 20
            pipeline:
              kind: {pipeline}
              model: {model}
              modelVersion: "1"
              {extra}
            inference:
              intraOpThreads: 1
            commands:
              enabled: [audit.run]
              commandKeyFiles: [{Folder.File("command-key.pub.pem")}]
              programmeKeyFile: {Folder.File("programme.pub.pem")}
              api: {Api}
            """, Folder, device, new Dictionary<string, string> { ["Commands__ApiToken"] = Tokens[device] });
        _processes.Add(edge);
        Edges[device] = edge;
        await WaitForAsync(async () => await ReportedSinceAsync(device, started), $"a report of {device}");
        await WaitForAsync(() => Task.FromResult(edge.Output.Contains("Listening for commands", StringComparison.Ordinal)), $"{device} to subscribe to its commands");
        return edge;
    }

    /// <summary>Starts an audit through the API; returns its view.</summary>
    public async Task<AuditView> StartAuditAsync(string scenario, string testSet, string? device = null, int? deadlineMinutes = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("api/v1/audits", UriKind.Relative),
            new Contracts.Api.AuditRequest(scenario, testSet, device is null ? null : Site, device, deadlineMinutes));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST audits: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<AuditView>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>The audit once the part of <paramref name="device"/> ended.</summary>
    public async Task<AuditView> EndedAsync(string audit, string device)
    {
        AuditView view = null!;
        await WaitForAsync(async () =>
        {
            view = (await Http.GetFromJsonAsync<AuditView>(new Uri($"api/v1/audits/{audit}", UriKind.Relative), JsonSerializerOptions.Web))!;
            return PartStates.IsFinal(view.Devices.Single(d => d.Device == device).State);
        }, $"the part of {device} in audit {audit} to end");
        return view;
    }

    public Task WaitForAsync(Func<Task<bool>> condition, string what) =>
        EndToEndSupport.WaitForAsync(condition, () => what, [Cloud, .. Edges.Values]);

    private async Task<bool> ReportedSinceAsync(string device, DateTimeOffset since) =>
        (await EndToEndSupport.QueryAsync(Influx, $"SELECT count(\"seq\") FROM \"kpi\" WHERE \"device\" = '{device}' AND time > {TimeSeries.LinePoint.ToUnixNanoseconds(since)}"))
        .Series.Any();

    private void WriteKeysAndCatalogue()
    {
        File.WriteAllText(Folder.File("programme-key.pem"), Programme.ExportPrivateKeyPem());
        File.WriteAllText(Folder.File("programme.pub.pem"), Programme.PublicKeyPem);
        using (var command = CommandSigner.Create())
        {
            File.WriteAllText(Folder.File("command-key.pem"), command.ExportPrivateKeyPem());
            File.WriteAllText(Folder.File("command-key.pub.pem"), command.PublicKeyPem);
        }

        var devices = Workers.Select(w => w.Device).Append(Ghost).Append("cam-02");
        foreach (var device in devices)
        {
            Keys[device] = DeviceSigner.Create();
            File.WriteAllText(Folder.File($"{device}-key.pem"), Keys[device].ExportPrivateKeyPem());
        }

        foreach (var device in devices)
        {
            Tokens[device] = Access.Tokens.TokenFormat.New(Access.Tokens.TokenFormat.DevicePrefix);
        }

        File.WriteAllText(Folder.File("device-tokens.json"), JsonSerializer.Serialize(new
        {
            devices = Tokens.Select(t => new { site = Site, device = t.Key, sha256 = Access.Tokens.TokenFormat.Hash(t.Value) }),
        }));
        DeviceKeyRegistry.Save(Folder.File("device-keys.json"), new DeviceKeyRegistryFile([.. Keys.Select(k => new DeviceKeyEntry(Site, k.Key, k.Value.PublicKeyPem))]));
        var scenarios = Workers.Select(w => (w.Scenario, w.Type, w.Device)).Append((Scenario: "audit-ghost", Type: "traffic-flow", Device: Ghost)).Append((Scenario: "audit-swap", Type: "traffic-flow", Device: "cam-02"));
        File.WriteAllText(Folder.File("catalogue.yaml"), "scenarios:\n" + string.Concat(scenarios.Select(s => $"""
              - id: {s.Scenario}
                sector: {(s.Type.Contains("vital", StringComparison.Ordinal) ? "medical" : s.Type.Contains("traffic", StringComparison.Ordinal) ? "traffic" : "manufacturing")}
                type: {s.Type}
                name:
                  zh: 审计 {s.Scenario}
                  en: Audit {s.Scenario}
                provider: tests
                sites:
                  - site: {Site}
                    devices: [{s.Device}]
                period: {"{"}from: 2026-01-01, to: 2030-01-01{"}"}

            """)));
    }
}

[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<AuditRig>
{
    public const string Name = "audits";
}
