using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// A device or cloud config without TLS: refused at start, naming the key and both ways out; with the explicit
/// opt-out it runs, and says so at every start.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class PlaintextConfigTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_device_without_tls_is_refused_unless_it_opts_out_and_then_warns_at_every_start()
    {
        using var folder = new TempFolder("gz-plaintext-edge");
        await using var broker = await MosquittoBroker.StartAsync();
        string Config(string optOut) => $"""
            edge: {"{"} site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow, windowSeconds: 1, stateDirectory: {folder.File("state")} {"}"}
            broker:
              port: {broker.Port}
            {optOut}
            source: {"{"} profile: traffic, sampleHz: 20 {"}"}
            """;

        await using (var refused = GzProcesses.StartEdge(Config(string.Empty), folder))
        {
            await WaitForExitAsync(refused);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("(Broker:CaFile, not set): the connection to the broker would not be encrypted", refused.Output, StringComparison.Ordinal);
            Assert.Contains("Broker:AllowPlaintext: true", refused.Output, StringComparison.Ordinal);
        }

        for (var start = 1; start <= 2; start++)
        {
            await using var allowed = GzProcesses.StartEdge(Config("  allowPlaintext: true"), folder);
            await WaitUntilAsync(() => allowed.Output.Contains("Connected to the broker", StringComparison.Ordinal), allowed);
            Assert.Contains($"Connecting to the broker 127.0.0.1:{broker.Port} WITHOUT TLS (Broker:AllowPlaintext: true)", allowed.Output, StringComparison.Ordinal);
            await allowed.StopAsync(TimeSpan.FromSeconds(20));
        }

        output.WriteLine("plaintext config (device): refused at start with exit 2 naming Broker:CaFile; with Broker:AllowPlaintext: true it ran and warned at each of 2 starts");
    }

    [Fact]
    public async Task A_cloud_without_tls_is_refused_unless_it_opts_out_and_then_warns_for_each_connection()
    {
        using var folder = new TempFolder("gz-plaintext-cloud");
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        await using (var refused = GzProcesses.StartCloud(folder, "--urls", $"http://127.0.0.1:{FreePort.Next()}", $"--Broker:Port={broker.Port}",
            $"--Catalogue:Path={RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml")}",
            $"--Alerts:RulesPath={RepoPaths.Combine("firmware-configs", "alerts", "rules.yaml")}", $"--Alerts:StorePath={folder.File("alerts.db")}",
            $"--DeadLetters:Path={folder.File("dead-letters.db")}"))
        {
            await WaitForExitAsync(refused);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("Broker:CaFile is not set, so the broker connections would not be encrypted", refused.Output, StringComparison.Ordinal);
            Assert.Contains("Broker:AllowPlaintext = true", refused.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(refused.Output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }

        // The test fixture's own start opts out (its broker has no TLS), so its warnings are the ones to see.
        var (cloud, _) = await GzProcesses.StartCloudAsync(broker, influx, folder);
        await using (cloud)
        {
            foreach (var job in new[] { "Ingestion", "The live feed" })
            {
                Assert.Contains($"{job} connects to the broker 127.0.0.1:{broker.Port} WITHOUT TLS (Broker:AllowPlaintext = true)", cloud.Output, StringComparison.Ordinal);
            }
        }

        output.WriteLine("plaintext config (cloud): refused at start with exit 2 naming Broker:CaFile; with Broker:AllowPlaintext = true it ran, ingestion and the live feed each warning");
    }

    private static async Task WaitForExitAsync(ChildProcess process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, ChildProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline && !process.HasExited, $"the device did not publish; its output:\n{process.Output}");
            await Task.Delay(100);
        }
    }
}
