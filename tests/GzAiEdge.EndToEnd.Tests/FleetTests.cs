using GzAiEdge.Evaluation.Verification;
using GzAiEdge.FleetSimulation.Devices;
using GzAiEdge.FleetSimulation.Identities;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// gz fleet → Mosquitto → cloud → InfluxDB, checked by the chain verifier with the registry the fleet wrote. The cloud's
/// catalogue lists the simulated devices where the fleet places them, as a programme's would list its devices.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class FleetTests(ITestOutputHelper output)
{
    private const int Devices = 4;

    [Fact]
    public async Task Fleet_reports_are_stored_and_verify_as_one_chain_per_device_across_two_runs()
    {
        using var folder = new TempFolder("gz-e2e-fleet");
        var state = folder.File("fleet");
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        await using (var write = GzProcesses.StartFleet(folder, "--devices", $"{Devices}", "--catalogue", ListedCatalogue.Sample, "--write-catalogue", folder.File("catalogue.yaml")))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await write.WaitForExitAsync(timeout.Token);
            Assert.True(write.ExitCode == 0, write.Output);
        }

        var written = CatalogueLoader.Load(folder.File("catalogue.yaml"));
        Assert.All(new FleetLayout(CatalogueLoader.Load(ListedCatalogue.Sample)).Listings(Devices), l => Assert.True(written.Lists(l.Scenario, l.Site, l.Device), $"{l} not listed"));
        var (cloud, _) = await GzProcesses.StartCloudAsync(broker, influx, folder, ListedCatalogue.CloudArguments(folder.File("catalogue.yaml")));
        await using var cloudProcess = cloud;

        await RunFleetAsync(folder, broker, state);
        await RunFleetAsync(folder, broker, state);

        var heads = new ChainStore(state).Load();
        Assert.Equal(Devices, heads.Count);
        using var http = new HttpClient();
        var influxClient = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = influx.BaseAddress, Database = influx.Database }));
        var verifier = new ChainVerificationService(new ChainReader(influxClient),
            Options.Create(new VerificationOptions { KeyRegistryPath = Path.Combine(state, GeneratedIdentities.RegistryFile) }));
        foreach (var ((site, device), head) in heads)
        {
            Assert.True(head.Seq >= 2, $"{device} made {head.Seq} reports in two runs");
            var verification = await verifier.VerifyAsync(site, device, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
            for (var waited = 0; verification.AttestedHead != head.Seq && waited < 30_000; waited += 200)
            {
                await Task.Delay(200);
                verification = await verifier.VerifyAsync(site, device, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
            }

            output.WriteLine($"{site}/{device}: {verification.Verified}/{verification.Expected} verified, checkpoint at {verification.AttestedHead}");
            Assert.True(verification.Verified == head.Seq && verification.Problems.Count == 0 && verification.AttestedHead == head.Seq,
                $"{site}/{device}: {verification.Verified}/{verification.Expected} verified, head {head.Seq}, attested {verification.AttestedHead}; " +
                $"{string.Join("; ", verification.Problems)}\n{cloud.Output}");
        }
    }

    private static async Task RunFleetAsync(TempFolder folder, MosquittoBroker broker, string state)
    {
        await using var fleet = GzProcesses.StartFleet(folder, "--devices", $"{Devices}", "--broker", $"{broker.Host}:{broker.Port}",
            "--window-seconds", "1", "--heartbeat-seconds", "1", "--duration-seconds", "3", "--state", state,
            "--catalogue", RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"), "--allow-plaintext");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await fleet.WaitForExitAsync(timeout.Token);
        Assert.True(fleet.ExitCode == 0, fleet.Output);
        Assert.Contains($"{Devices} devices connected", fleet.Output, StringComparison.Ordinal);
    }
}
