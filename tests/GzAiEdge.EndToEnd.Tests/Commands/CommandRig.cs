using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.EndToEnd.Tests.Commands;

/// <summary>
/// A site set up by <c>gz provision</c> (TLS, passwords, per-device ACLs on a real Mosquitto), InfluxDB, the cloud
/// serving https with the provisioned certificate and a model repository, and a real edge worker (yuexiu-03/ward-05)
/// running the vital-signs classifier on its replay, which takes every command type. The cloud signs commands with the
/// provisioned command key and the device holds its public half. The cloud has no programme key configured, so that a
/// badly signed model reaches the device and the device's own check is what refuses it.
/// </summary>
public sealed class CommandRig : IAsyncLifetime
{
    public const string SiteId = "yuexiu-03";
    public const string Device = "ward-05";
    public const string Model = "vitals-classifier";

    private readonly List<ChildProcess> _processes = [];
    private long _versionNumber;

    public TempFolder Folder { get; } = new("gz-commands");

    public MosquittoBroker Broker { get; private set; } = null!;

    public InfluxDbServer Influx { get; private set; } = null!;

    public ProvisionedSite Site { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public ChildProcess Edge { get; private set; } = null!;

    public ChildProcess Cloud { get; private set; } = null!;

    public string Pki => Site.Pki;

    public string Repository => Folder.File("models");

    public string ProgrammeKey => Path.Combine(Pki, "programme", "programme-key.pem");

    /// <summary>The cloud's private command key, for tests that play the cloud on the broker.</summary>
    public string CommandKey => Site.Env("cloud/commander-1")["Commands__SigningKeyFile"];

    public string State => Folder.File("state");

    /// <summary>The provider of the device's scenario: the model belongs to them, so the device may download it.</summary>
    public static string Provider { get; } = CatalogueLoader.Load(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"))
        .TryGet("med-yuexiu-vitals", out var scenario) ? scenario.Provider! : throw new InvalidOperationException("med-yuexiu-vitals is not in the catalogue");

    public async Task InitializeAsync()
    {
        Site = await ProvisionedSite.CreateAsync(Folder, SiteId, Device, "ward-06", "--cloud-instances=2");
        var broker = Site.StartBrokerAsync();
        var influx = InfluxDbServer.StartAsync();
        (Broker, Influx) = (await broker, await influx);
        (Cloud, Api) = await GzProcesses.StartCloudOverHttpsAsync(Broker, Influx, Folder, Path.Combine(Pki, "broker", "broker.crt"), Path.Combine(Pki, "broker", "broker.key"),
            [.. Site.CloudArgs(), $"--Models:Path={Repository}", "--Ingestion:FlushMilliseconds=50",
                $"--Access:DeviceTokensPath={Site.Env("cloud/cloud")["Access__DeviceTokensPath"]}"]);
        _processes.Add(Cloud);
        Http = CloudAccounts.AdminClient(Api, Folder, Trusting(Site.CaFile));
        await StartEdgeAsync();
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
        Folder.Dispose();
    }

    /// <summary>Starts the device (again: its state folder is kept) and waits for its first report.</summary>
    public async Task StartEdgeAsync()
    {
        var device = Site.Env($"devices/{Device}");
        var started = DateTimeOffset.UtcNow;
        Edge = GzProcesses.StartEdge($"""
            edge:
              site: {SiteId}
              device: {Device}
              scenario: med-yuexiu-vitals
              windowSeconds: 1
              stateDirectory: {State}
              signingKeyFile: {device["Edge__SigningKeyFile"]}
            broker:
              port: {Site.TlsPort}
              username: {device["Broker__Username"]}
              password: {device["Broker__Password"]}
              caFile: {device["Broker__CaFile"]}
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", "vitals")}
              speed: 100
              sampleHz: 20
            pipeline:
              kind: vitals-classification
              model: {RepoPaths.Combine("models", $"{Model}.onnx")}
              modelVersion: "1"
            inference:
              intraOpThreads: 1
            commands:
              enabled: [config.set, pipeline.restart, model.update]
              configKeys: [Pipeline:DecisionThreshold, Source:Speed]
              commandKeyFiles: [{device["Commands__CommandKeyFiles__0"]}]
              programmeKeyFile: {device["Commands__ProgrammeKeyFile"]}
              caFile: {device["Commands__CaFile"]}
              api: {Api}
              apiToken: {device["Commands__ApiToken"]}
              probeInferences: 5
              probeTimeoutSeconds: 30
            """, Folder, Device);
        _processes.Add(Edge);
        await LatestReportAsync(after: started);
        await WaitForAsync(() => Task.FromResult(Edge.Output.Contains("Listening for commands", StringComparison.Ordinal)), "the device to subscribe to its commands");
    }

    public async Task RestartEdgeAsync()
    {
        await Edge.StopAsync(TimeSpan.FromSeconds(20));
        await StartEdgeAsync();
    }

    /// <summary>
    /// Signs a model into the repository with <c>gz model sign</c>; returns the file's SHA-256. Without a
    /// <paramref name="number"/>, the next of <see cref="NextVersionNumber"/>: newer than anything signed before, so that
    /// the tests sharing this device may run in any order.
    /// </summary>
    public async Task<string> SignAsync(string version, byte[] model, string? key = null, long? number = null, string pipeline = "vitals-classification", bool downgrade = false)
    {
        var file = Folder.File($"upload-{version}.onnx");
        await File.WriteAllBytesAsync(file, model);
        var (code, text) = await GzProcesses.RunCliAsync(Folder, ["model", "sign", "--key", key ?? ProgrammeKey, "--file", file, "--name", Model, "--version", version,
            "--version-number", (number ?? NextVersionNumber()).ToString(System.Globalization.CultureInfo.InvariantCulture), "--pipeline", pipeline,
            .. downgrade ? new[] { "--downgrade" } : [], "--out", Repository, "--provider", Provider, "--audit-log", CloudAccounts.AuditLog(Folder)]);
        Assert.True(code == 0, text);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model));
    }

    /// <summary>A version number above every one handed out before in this rig.</summary>
    public long NextVersionNumber() => Interlocked.Increment(ref _versionNumber);

    /// <summary>Sends a command through the API; returns its id.</summary>
    public async Task<string> SendAsync(string type, Dictionary<string, string>? arguments = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri($"/api/v1/devices/{SiteId}/{Device}/commands", UriKind.Relative), new CommandRequest(type, arguments, 120));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST commands: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The device's answers to a command, oldest first, once the final one is stored.</summary>
    public async Task<List<DeviceEventView>> AnswersAsync(string id)
    {
        List<DeviceEventView> events = [];
        await WaitForAsync(async () =>
        {
            events = (await Http.GetFromJsonAsync<List<DeviceEventView>>(new Uri($"/api/v1/devices/{SiteId}/{Device}/events?command={id}", UriKind.Relative)))!;
            return events.Any(e => CommandEvents.IsFinal(e.Code));
        }, $"the final answer to command {id}");
        events.Reverse();
        return events;
    }

    /// <summary>The events that answer command <paramref name="id"/> now, without waiting for any.</summary>
    public async Task<List<DeviceEventView>> EventsOfAsync(string id) =>
        (await Http.GetFromJsonAsync<List<DeviceEventView>>(new Uri($"/api/v1/devices/{SiteId}/{Device}/events?command={id}", UriKind.Relative)))!;

    /// <summary>
    /// The device's refusal of a command it could not verify: such a refusal answers no command id (an unverified id is
    /// not trusted) and quotes the id the command claimed.
    /// </summary>
    public async Task<DeviceEventView> RefusalOfAsync(string claimedId)
    {
        DeviceEventView? refusal = null;
        await WaitForAsync(async () =>
        {
            var events = (await Http.GetFromJsonAsync<List<DeviceEventView>>(new Uri($"/api/v1/devices/{SiteId}/{Device}/events?limit=500", UriKind.Relative)))!;
            refusal = events.FirstOrDefault(e => e.Message.Contains($"claimed id '{claimedId}'", StringComparison.Ordinal));
            return refusal is not null;
        }, $"the refusal of the command claiming id {claimedId}");
        return refusal!;
    }

    /// <summary>The SHA-256 of the model in the device's first report whose window ended after <paramref name="after"/>.</summary>
    public async Task<string> LatestReportAsync(DateTimeOffset after)
    {
        string? sha = null;
        await WaitForAsync(async () =>
        {
            var result = await EndToEndSupport.QueryAsync(Influx,
                $"SELECT \"model_sha256\" FROM \"kpi\" WHERE \"device\" = '{Device}' AND time > {LinePoint.ToUnixNanoseconds(after)} ORDER BY time ASC LIMIT 1");
            sha = result.Series.FirstOrDefault()?.Value(0, "model_sha256").GetString();
            return sha is not null;
        }, $"a report after {after:O}");
        return sha!;
    }

    public Task WaitForAsync(Func<Task<bool>> condition, string what) => EndToEndSupport.WaitForAsync(condition, () => what, Edge, Cloud);

    private static SocketsHttpHandler Trusting(string ca)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.ImportFromPemFile(ca);
        return new SocketsHttpHandler { SslOptions = { CertificateChainPolicy = policy } };
    }
}

[CollectionDefinition(Name)]
public sealed class CommandCollection : ICollectionFixture<CommandRig>
{
    public const string Name = "commands";
}
