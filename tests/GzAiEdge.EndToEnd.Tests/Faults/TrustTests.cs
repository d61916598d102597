using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// A site set up by <c>gz provision</c>: TLS, passwords and per-device ACLs on a real Mosquitto, a
/// signing device, and an attacker who holds the device's broker credentials but not its signing key.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class TrustTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _folder = new("gz-trust");
    private readonly List<ChildProcess> _processes = [];
    private MosquittoBroker _broker = null!;
    private InfluxDbServer _influx = null!;
    private ProvisionedSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await ProvisionedSite.CreateAsync(_folder, "tianhe-01", "cam-01", "cam-02", "--cloud-instances=2");
        _broker = await _site.StartBrokerAsync();
        _influx = await InfluxDbServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        await _broker.DisposeAsync();
        await _influx.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Acl_refuses_foreign_topics_and_the_verifier_names_altered_injected_and_replayed_reports()
    {
        var registry = Env("cloud/cloud")["Verification__KeyRegistryPath"];
        var (cloud, api) = await GzProcesses.StartCloudAsync(_broker, _influx, _folder, [.. _site.CloudArgs(), $"--Verification:KeyRegistryPath={registry}"]);
        _processes.Add(cloud);

        // A second instance's ingestion identity watches the wire: the broker binds each identity to one client id,
        // and the instance above holds instance 1's.
        await using var spy = await ConnectAsync("cloud/ingest-2", "spy");
        await spy.SubscribeAsync([new MqttSubscription("gz/v1/tianhe-01/cam-01/kpi")], CancellationToken.None);
        var device = Env("devices/cam-01");
        _processes.Add(GzProcesses.StartEdge($"""
            edge:
              site: tianhe-01
              device: cam-01
              scenario: traffic-tianhe-flow
              windowSeconds: 1
              stateDirectory: {_folder.File("state")}
              signingKeyFile: {device["Edge__SigningKeyFile"]}
            broker:
              port: {_site.TlsPort}
              username: {device["Broker__Username"]}
              password: {device["Broker__Password"]}
              caFile: {device["Broker__CaFile"]}
            source:
              profile: traffic
              sampleHz: 20
            """, _folder));
        var captured = await CaptureAsync(spy, 3);

        // The device stops before the attacker connects with its broker identity: the broker binds that identity to the
        // device's one session, so the two would keep taking it from each other (BorrowedClientIdTests).
        await _processes[^1].StopAsync(TimeSpan.FromSeconds(20));

        // The ACL: cam-01's identity may not speak for cam-02, and nobody may connect without one.
        await using var attacker = await ConnectAsync("devices/cam-01", "attacker");
        var refused = await Assert.ThrowsAsync<MqttPublishException>(() => attacker.PublishAsync(
            new MqttApplicationMessage("gz/v1/tianhe-01/cam-02/kpi", Payload(captured[0] with { Device = "cam-02" })), CancellationToken.None).AsTask());
        Assert.Equal(MqttReasonCode.NotAuthorized, refused.ReasonCode);
        await using var anonymous = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = _site.TlsPort, ClientId = "anon", Tls = new MqttTlsOptions { CaFile = device["Broker__CaFile"] } });
        await Assert.ThrowsAsync<MqttConnectException>(() => anonymous.ConnectAsync(CancellationToken.None));

        // Altered in transit, signed with another key, replayed as is, replayed from another history.
        using var otherKey = DeviceSigner.Create();
        using var deviceKey = DeviceSigner.FromPemFile(device["Edge__SigningKeyFile"]);
        var (altered, forged, again) = (captured[0], captured[1], captured[2]);
        // An hour earlier: a report an hour ahead of the cloud's clock would be refused for that alone.
        var fromAnotherHistory = deviceKey.Sign(again with { WindowStart = again.WindowStart.AddHours(-1), WindowEnd = again.WindowEnd.AddHours(-1), Prev = ChainHash.Genesis });
        foreach (var report in new[]
        {
            altered with { Kpis = altered.Kpis.ToDictionary(k => k.Key, k => k.Value + 100) },
            otherKey.Sign(forged with { Kpis = forged.Kpis.ToDictionary(k => k.Key, _ => 0.0) }),
            again,
            fromAnotherHistory,
        })
        {
            await attacker.PublishAsync(new MqttApplicationMessage("gz/v1/tianhe-01/cam-01/kpi", Payload(report)), CancellationToken.None);
        }

        using var http = CloudAccounts.AdminClient(api, _folder);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var seen = JsonSerializer.Deserialize(await http.GetStringAsync(new Uri("/api/v1/verification/tianhe-01/cam-01", UriKind.Relative)), GzTrustJsonContext.Default.ChainVerification)!;
            if (seen is { Altered: 1, Injected: 1, Replayed: 1 })
            {
                break;
            }

            await Task.Delay(200);
        }

        var (code, text) = await GzProcesses.RunCliAsync(_folder, "verify", "--site", "tianhe-01", "--device", "cam-01", "--influx", _influx.BaseAddress.ToString(),
            "--keys", registry, "--json");
        Assert.True(code == 1, text);
        var result = JsonSerializer.Deserialize(text[text.IndexOf('{', StringComparison.Ordinal)..], GzTrustJsonContext.Default.ChainVerification)!;

        Assert.Equal((1L, 1L, 1L, 0L, 0L), (result.Altered, result.Injected, result.Replayed, result.Missing, result.Unsigned));
        Assert.Equal(result.Expected - 2, result.Verified);
        Assert.Contains(result.Problems, p => p is { Finding: ChainFinding.Altered } && p.FirstSeq == altered.Seq && p.Reason.Contains("after the device signed", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Finding: ChainFinding.Injected } && p.FirstSeq == forged.Seq && p.Reason.Contains(otherKey.Kid, StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Finding: ChainFinding.Replayed } && p.FirstSeq == again.Seq);
        var viaApi = JsonSerializer.Deserialize(await http.GetStringAsync(new Uri("/api/v1/verification/tianhe-01/cam-01", UriKind.Relative)), GzTrustJsonContext.Default.ChainVerification)!;
        Assert.Equal((result.Verified, result.Altered, result.Injected, result.Replayed), (viaApi.Verified, viaApi.Altered, viaApi.Injected, viaApi.Replayed));
        output.WriteLine($"tamper: expected {result.Expected}, verified {result.Verified}, altered {result.Altered} (seq {altered.Seq}), injected {result.Injected} (seq {forged.Seq}), replayed {result.Replayed} (seq {again.Seq}); identical replay of seq {again.Seq}: no new point");
    }

    private Dictionary<string, string> Env(string identity) => _site.Env(identity);

    private Task<MqttClient> ConnectAsync(string identity, string clientId) => _site.ConnectAsync(identity, clientId);

    private static async Task<List<KpiReport>> CaptureAsync(MqttClient spy, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reports = new List<KpiReport>();
        while (reports.Count < count)
        {
            var message = await spy.Messages.ReadAsync(timeout.Token);
            reports.Add(JsonSerializer.Deserialize(message.Payload.Span, GzJsonContext.Default.KpiReport)!);
        }

        return reports;
    }

    private static byte[] Payload(KpiReport report) => JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport);
}
