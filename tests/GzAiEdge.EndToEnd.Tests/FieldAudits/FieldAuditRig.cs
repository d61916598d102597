using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.FieldAudits.Sampling;
using GzAiEdge.FieldAudits.Storage;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests.FieldAudits;

/// <summary>
/// A programme of its own for field audits: Mosquitto, InfluxDB, the cloud (a command key, a key registry, the
/// field-audit store) and real edge workers on their replays with their models, windows of one second. Scenario
/// ft-traffic lists three traffic workers: cam-01 keeps evidence as shipped; cam-02 does not take evidence.fetch, so its
/// items stay requested for the tests to answer themselves; cam-03's ring is so small that it evicts within a second.
/// Three more workers (inspection, vibration, vitals with evidence turned on, its 1 Hz replay played 20 times as fast so that its windows come within the rig's minute) run for the storage measurement. At start
/// the rig commits a period (ending <see cref="PeriodSeconds"/> later), lets windows close, and samples it once.
/// </summary>
public sealed class FieldAuditRig : IAsyncLifetime
{
    public const string Site = "field-01";
    public const string Scenario = "ft-traffic";
    public const int PeriodSeconds = 16;

    /// <summary>Device, scenario, type, pipeline, model, replay, pipeline settings, the commands it takes and its evidence section.</summary>
    public static readonly IReadOnlyList<(string Device, string Scenario, string Type, string Pipeline, string Model, string Replay, string Settings, string Enabled, string Evidence)> Workers =
    [
        ("cam-01", Scenario, "traffic-flow", "traffic-detection", "traffic-detector", "traffic", "scoreThreshold: 0.5", "evidence.fetch", "{}"),
        ("cam-02", Scenario, "traffic-flow", "traffic-detection", "traffic-detector", "traffic", "scoreThreshold: 0.5", "pipeline.restart", "{}"),
        ("cam-03", Scenario, "traffic-flow", "traffic-detection", "traffic-detector", "traffic", "scoreThreshold: 0.5", "evidence.fetch", "{maxBytes: 1048576, everySeconds: 0}"),
        ("line-01", "ft-inspection", "visual-inspection", "visual-inspection", "inspection-classifier", "inspection", "decisionThreshold: 0.5", "evidence.fetch", "{}"),
        ("motor-01", "ft-vibration", "vibration-anomaly-monitoring", "vibration-anomaly", "vibration-autoencoder", "vibration", "anomalyThreshold: 0.016725", "evidence.fetch", "{}"),
        ("ward-01", "ft-vitals", "vital-signs-monitoring", "vitals-classification", "vitals-classifier", "vitals", "decisionThreshold: 0.5", "evidence.fetch", "{enabled: true}"),
    ];

    private readonly List<ChildProcess> _processes = [];

    public TempFolder Folder { get; } = new("gz-field-audits");

    public MosquittoBroker Broker { get; private set; } = null!;

    public InfluxDbServer Influx { get; private set; } = null!;

    public ChildProcess Cloud { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Dictionary<string, DeviceSigner> Keys { get; } = [];

    public Dictionary<string, string> Tokens { get; } = [];

    public Dictionary<string, DateTimeOffset> Started { get; } = [];

    public string Store => Folder.File("field-audits");

    /// <summary>The period committed at start, as the commit answered.</summary>
    public PeriodRecord Period { get; private set; } = null!;

    /// <summary>The one sampling pass, and when its answer came.</summary>
    public (SamplingPass Pass, DateTimeOffset At) Sampled { get; private set; }

    public async Task InitializeAsync()
    {
        var broker = MosquittoBroker.StartAsync();
        var influx = InfluxDbServer.StartAsync();
        (Broker, Influx) = (await broker, await influx);
        WriteKeysAndCatalogue();
        (Cloud, Api) = await GzProcesses.StartCloudAsync(Broker, Influx, Folder,
            $"--Catalogue:Path={Folder.File("catalogue.yaml")}", $"--Evaluation:TypesPath={RepoPaths.Combine("firmware-configs", "scenarios", "types")}",
            $"--FieldAudits:Path={Store}", $"--Verification:KeyRegistryPath={Folder.File("device-keys.json")}",
            $"--Commands:SigningKeyFile={Folder.File("command-key.pem")}", $"--Access:DeviceTokensPath={Folder.File("device-tokens.json")}",
            "--Ingestion:FlushMilliseconds=50");
        _processes.Add(Cloud);
        Http = CloudAccounts.AdminClient(Api, Folder);
        await Task.WhenAll(Workers.Select(w => StartEdgeAsync(w.Device)));

        using var commit = await Http.PostAsJsonAsync(new Uri("api/v1/field-audits/periods", UriKind.Relative),
            new { scenario = Scenario, starts = DateTimeOffset.UtcNow, ends = DateTimeOffset.UtcNow.AddSeconds(PeriodSeconds), perStratum = 1 });
        var body = await commit.Content.ReadAsStringAsync();
        Assert.True(commit.IsSuccessStatusCode, $"commit: {(int)commit.StatusCode} {body}");
        Period = JsonSerializer.Deserialize<PeriodRecord>(body, JsonSerializerOptions.Web)!;
        await Task.Delay(TimeSpan.FromSeconds(PeriodSeconds / 2));
        using var sample = await Http.PostAsync(new Uri($"api/v1/field-audits/periods/{Period.Id}/sample", UriKind.Relative), null);
        body = await sample.Content.ReadAsStringAsync();
        Assert.True(sample.IsSuccessStatusCode, $"sample: {(int)sample.StatusCode} {body}");
        Sampled = (JsonSerializer.Deserialize<SamplingPass>(body, JsonSerializerOptions.Web)!, DateTimeOffset.UtcNow);
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
        foreach (var key in Keys.Values)
        {
            key.Dispose();
        }

        Folder.Dispose();
    }

    /// <summary>The field-audit store the cloud writes (read beside it: SQLite in WAL mode).</summary>
    public FieldAuditStore OpenStore() => new(Store);

    /// <summary>A client that calls as <paramref name="device"/>'s own API token.</summary>
    public HttpClient DeviceClient(string device) => CloudAccounts.Client(Api, Tokens[device]);

    public Task WaitForAsync(Func<Task<bool>> condition, string what) =>
        EndToEndSupport.WaitForAsync(condition, () => what, [.. _processes]);

    /// <summary>The evidence folder of <paramref name="device"/>.</summary>
    public string EvidenceOf(string device) => Path.Combine(Folder.File("state"), $"{device}.evidence");

    private async Task StartEdgeAsync(string device)
    {
        var w = Workers.Single(w => w.Device == device);
        Started[device] = DateTimeOffset.UtcNow;
        var edge = GzProcesses.StartEdge($"""
            edge:
              site: {Site}
              device: {device}
              scenario: {w.Scenario}
              windowSeconds: 1
              stateDirectory: {Folder.File("state")}
              signingKeyFile: {Folder.File($"{device}-key.pem")}
            broker:
              port: {Broker.Port}
              allowPlaintext: true
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", w.Replay)}
              sampleHz: 20
              speed: {(w.Device == "ward-01" ? 20 : 1)}
            pipeline:
              kind: {w.Pipeline}
              model: {RepoPaths.Combine("models", $"{w.Model}.onnx")}
              modelVersion: "1"
              {w.Settings}
            inference:
              intraOpThreads: 1
            evidence: {w.Evidence}
            commands:
              enabled: [{w.Enabled}]
              commandKeyFiles: [{Folder.File("command-key.pub.pem")}]
              api: {Api}
            """, Folder, device, new Dictionary<string, string> { ["Commands__ApiToken"] = Tokens[device] });
        lock (_processes)
        {
            _processes.Add(edge);
        }

        await WaitForAsync(async () => (await EndToEndSupport.QueryAsync(Influx,
            $"SELECT count(\"seq\") FROM \"kpi\" WHERE \"device\" = '{device}' AND time > {TimeSeries.LinePoint.ToUnixNanoseconds(Started[device])}")).Series.Any(), $"a report of {device}");
        await WaitForAsync(() => Task.FromResult(edge.Output.Contains("Listening for commands", StringComparison.Ordinal)), $"{device} to subscribe to its commands");
    }

    private void WriteKeysAndCatalogue()
    {
        using (var command = CommandSigner.Create())
        {
            File.WriteAllText(Folder.File("command-key.pem"), command.ExportPrivateKeyPem());
            File.WriteAllText(Folder.File("command-key.pub.pem"), command.PublicKeyPem);
        }

        foreach (var device in Workers.Select(w => w.Device))
        {
            Keys[device] = DeviceSigner.Create();
            File.WriteAllText(Folder.File($"{device}-key.pem"), Keys[device].ExportPrivateKeyPem());
            Tokens[device] = Access.Tokens.TokenFormat.New(Access.Tokens.TokenFormat.DevicePrefix);
        }

        File.WriteAllText(Folder.File("device-tokens.json"), JsonSerializer.Serialize(new
        {
            devices = Tokens.Select(t => new { site = Site, device = t.Key, sha256 = Access.Tokens.TokenFormat.Hash(t.Value) }),
        }));
        DeviceKeyRegistry.Save(Folder.File("device-keys.json"), new DeviceKeyRegistryFile([.. Keys.Select(k => new DeviceKeyEntry(Site, k.Key, k.Value.PublicKeyPem))]));
        File.WriteAllText(Folder.File("catalogue.yaml"), "scenarios:\n" + string.Concat(Workers.GroupBy(w => (w.Scenario, w.Type)).Select(g => $"""
              - id: {g.Key.Scenario}
                sector: {(g.Key.Type.Contains("vital", StringComparison.Ordinal) ? "medical" : g.Key.Type.Contains("traffic", StringComparison.Ordinal) ? "traffic" : "manufacturing")}
                type: {g.Key.Type}
                name:
                  zh: 现场审计 {g.Key.Scenario}
                  en: Field audit {g.Key.Scenario}
                provider: tests
                sites:
                  - site: {Site}
                    devices: [{string.Join(", ", g.Select(w => w.Device))}]
                period: {"{"}from: 2026-01-01, to: 2030-01-01{"}"}

            """)));
    }
}

[CollectionDefinition(Name)]
public sealed class FieldAuditCollection : ICollectionFixture<FieldAuditRig>
{
    public const string Name = "field-audits";
}
