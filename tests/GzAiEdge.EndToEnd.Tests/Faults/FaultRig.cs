using System.Globalization;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// A real broker, InfluxDB, cloud and signing edge device (tianhe-01/cam-01) for the fault tests,
/// plus what the assertions need: a wire observer, the device's outbox state, the stored seqs and
/// the chain verifier reading InfluxDB with only the public key registry.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    public const string Site = "tianhe-01";
    public const string Device = "cam-01";

    private string[]? _catalogue;

    private FaultRig(TempFolder folder, MosquittoBroker broker, InfluxDbServer influx, WireObserver? wire)
    {
        (Folder, Broker, Influx, Wire) = (folder, broker, influx, wire);
        Signer = DeviceSigner.Create();
        File.WriteAllText(KeyFile, Signer.ExportPrivateKeyPem());
        DeviceKeyRegistry.Save(RegistryFile, new DeviceKeyRegistryFile([new DeviceKeyEntry(Site, Device, Signer.PublicKeyPem)]));
    }

    public TempFolder Folder { get; }

    public MosquittoBroker Broker { get; }

    public InfluxDbServer Influx { get; }

    /// <summary>
    /// The wire observer, or null. Tests that restart the broker run without it: Mosquitto 2.0 does
    /// not restore ingestion's shared subscription after a restart, and a plain subscriber would
    /// turn the device's "no matching subscribers" PUBACK into a plain success.
    /// </summary>
    public WireObserver? Wire { get; }

    public DeviceSigner Signer { get; }

    public ChildProcess? Cloud { get; private set; }

    public ChildProcess? Edge { get; private set; }

    public Uri? Api { get; private set; }

    private List<ChildProcess> Processes { get; } = [];

    public string KeyFile => Folder.File("cam-01.key.pem");

    public string RegistryFile => Folder.File("device-keys.json");

    public string ClientId { get; } = $"gz-ingest-fault-{Guid.NewGuid():N}";

    public static async Task<FaultRig> StartAsync(string name, bool observe = true, params string[] cloudArgs)
    {
        var folder = new TempFolder($"gz-fault-{name}");
        var broker = await MosquittoBroker.StartAsync();
        var influx = await InfluxDbServer.StartAsync();
        var wire = observe ? await WireObserver.StartAsync(broker) : null;
        var rig = new FaultRig(folder, broker, influx, wire) { CloudArgs = cloudArgs };
        await rig.StartCloudAsync();
        return rig;
    }

    /// <summary>Adds a device's public key to the registry the verifier reads.</summary>
    public void Register(string device, DeviceSigner signer) =>
        DeviceKeyRegistry.Save(RegistryFile, new DeviceKeyRegistryFile(
            [new DeviceKeyEntry(Site, Device, Signer.PublicKeyPem), new DeviceKeyEntry(Site, device, signer.PublicKeyPem)]));

    /// <summary>
    /// Starts the cloud (returning once it holds its subscriptions, see <see cref="GzProcesses.StartCloudAsync"/>); always the
    /// same client id, so a restarted instance resumes the broker session.
    /// </summary>
    public async Task StartCloudAsync()
    {
        var (cloud, api) = await GzProcesses.StartCloudAsync(Broker, Influx, Folder, [.. Catalogue, $"--Broker:Ingest:ClientId={ClientId}",
            $"--Verification:KeyRegistryPath={RegistryFile}", .. CloudArgs]);
        (Cloud, Api) = (cloud, api);
        Processes.Add(cloud);
    }

    /// <summary>
    /// The sample catalogue with tianhe-01/cam-01 … cam-99 listed under traffic-tianhe-flow, so that the burst devices'
    /// reports are taken; a test of the listing itself uses a device outside that range.
    /// </summary>
    private string[] Catalogue => _catalogue ??= ListedCatalogue.Write(Folder.File("catalogue.yaml"),
        Enumerable.Range(1, 99).Select(i => ("traffic-tianhe-flow", Site, $"cam-{i:00}")));

    /// <summary>Extra cloud arguments (credentials, TLS) for tests that secure the broker.</summary>
    public string[] CloudArgs { get; set; } = [];

    public ChildProcess StartEdge(string outboxYaml = "")
    {
        Edge = GzProcesses.StartEdge($"""
            edge:
              site: {Site}
              device: {Device}
              scenario: traffic-tianhe-flow
              windowSeconds: 1
              heartbeatSeconds: 1
              stateDirectory: {Folder.File("state")}
              signingKeyFile: {KeyFile}
            broker:
              port: {Broker.Port}
              allowPlaintext: true
            source:
              profile: traffic
              sampleHz: 20
            logging:
              logLevel:
                GzAiEdge.EdgeRuntime.Services.PublisherService: Debug
            {outboxYaml}
            """, Folder, "cam-01");
        Processes.Add(Edge);
        return Edge;
    }

    /// <summary>The device's outbox after it stopped: last seq handed out, messages still waiting, reports evicted.</summary>
    public (long LastSeq, long Depth, long Evicted) OutboxState()
    {
        using var db = new SqliteConnection($"Data Source={Folder.File("state/cam-01.outbox.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT last_seq, (SELECT count(*) FROM messages), evicted_reports FROM chain";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The seq of every KPI point stored for <paramref name="device"/>, one entry per point.</summary>
    public async Task<List<long>> StoredSeqsAsync(string device = Device)
    {
        var result = await QueryAsync($"SELECT \"seq\" FROM \"kpi\" WHERE \"device\" = {InfluxQl.StringLiteral(device)}");
        return result.Series.FirstOrDefault() is { } series ? [.. series.Values.Select(row => row[1].GetInt64())] : [];
    }

    public async Task<InfluxQueryResult> QueryAsync(string query)
    {
        using var http = new HttpClient();
        return await InfluxClient(http).QueryAsync(query, CancellationToken.None);
    }

    public async Task<ChainVerification> VerifyAsync(string device = Device)
    {
        using var http = new HttpClient();
        var service = new ChainVerificationService(new ChainReader(InfluxClient(http)), Options.Create(new VerificationOptions { KeyRegistryPath = RegistryFile }));
        return await service.VerifyAsync(Site, device, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
    }

    /// <summary>Stops the device cleanly and checks the delivery guarantee: every seq 1..N stored exactly once, the chain verified.</summary>
    public async Task<(long N, ChainVerification Verification)> StopEdgeAndAssertCompleteAsync()
    {
        await Edge!.StopAsync(TimeSpan.FromSeconds(20));
        var (n, depth, _) = OutboxState();
        Assert.True(depth == 0, $"the outbox still holds {depth} messages after a clean stop with the broker up\n{Edge.Output}");
        await WaitForAsync(async () => (await StoredSeqsAsync()).Count >= n, $"all {n} reports to be stored");
        var seqs = await StoredSeqsAsync();
        Assert.Equal(Enumerable.Range(1, (int)n).Select(i => (long)i), seqs.Order());
        // The shutdown checkpoint is published after the last report; wait until it is stored too.
        await WaitForAsync(async () => (await VerifyAsync()).AttestedHead == n, $"the checkpoint of seq {n}");
        var verification = await VerifyAsync();
        Assert.True(verification.Verified == n && verification.Problems.Count == 0,
            $"chain: {verification.Verified}/{verification.Expected} verified; {string.Join("; ", verification.Problems)}");
        Assert.Equal(n, verification.AttestedHead);
        return (n, verification);
    }

    /// <summary>Report publishes the broker acknowledged, from the device's own log over all its runs, and the repeats among them.</summary>
    public (long Sent, long Duplicates) SentByDevice()
    {
        if (Wire is not null)
        {
            return Wire.Counts(Device);
        }

        var acked = Processes.Where(p => p != Cloud).SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p.Output, @"/kpi \(outbox id (\d+)\) acknowledged"))
            .Select(m => m.Groups[1].Value).ToList();
        return (acked.Count, acked.Count - acked.Distinct().Count());
    }

    public async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"timed out waiting for {what}\n--- cloud ---\n{Cloud?.Output}\n--- edge ---\n{Edge?.Output}\n--- broker ---\n{Broker.Output}");
    }

    public static string Counts(string fault, long sent, long stored, long duplicates, ChainVerification v) => string.Create(CultureInfo.InvariantCulture,
        $"{fault}: sent {sent}, stored {stored}, duplicates {duplicates}, detected: verified {v.Verified}, missing {v.Missing}, altered {v.Altered}, replayed {v.Replayed}, injected {v.Injected}, unsigned {v.Unsigned}");

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(Processes))
        {
            await process.DisposeAsync();
        }

        if (Wire is not null)
        {
            await Wire.DisposeAsync();
        }
        await Broker.DisposeAsync();
        await Influx.DisposeAsync();
        Signer.Dispose();
        Folder.Dispose();
    }

    public InfluxDbClient InfluxClient(HttpClient http) =>
        new(http, Options.Create(new InfluxDbOptions { BaseAddress = Influx.BaseAddress, Database = Influx.Database }));
}
