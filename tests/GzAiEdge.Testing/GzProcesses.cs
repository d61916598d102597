namespace GzAiEdge.Testing;

/// <summary>
/// Starts the project's own hosts as real processes from their build output (same configuration
/// as the running tests), so that tests can stop, kill and restart them like an operator would.
/// </summary>
public static class GzProcesses
{
    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>Starts the cloud host on a free port; returns once its HTTP endpoint answers.</summary>
    public static Task<(ChildProcess Process, Uri Api)> StartCloudAsync(
        MosquittoBroker broker, InfluxDbServer influx, TempFolder folder, params string[] extraArgs) =>
        StartCloudCoreAsync(broker, influx.BaseAddress, folder, "http", [$"--InfluxDb:Database={influx.Database}", .. extraArgs]);

    /// <summary>Starts the cloud host writing to the time-series store at <paramref name="timeSeries"/> (say how in <paramref name="extraArgs"/>).</summary>
    public static Task<(ChildProcess Process, Uri Api)> StartCloudAsync(
        MosquittoBroker broker, Uri timeSeries, TempFolder folder, params string[] extraArgs) =>
        StartCloudCoreAsync(broker, timeSeries, folder, "http", extraArgs);

    /// <summary>Starts the cloud host serving https with a PEM certificate and key (e.g. the broker's from <c>gz provision</c>).</summary>
    public static Task<(ChildProcess Process, Uri Api)> StartCloudOverHttpsAsync(
        MosquittoBroker broker, InfluxDbServer influx, TempFolder folder, string certificate, string key, params string[] extraArgs) =>
        StartCloudCoreAsync(broker, influx.BaseAddress, folder, "https",
            [$"--InfluxDb:Database={influx.Database}", $"--Kestrel:Certificates:Default:Path={certificate}", $"--Kestrel:Certificates:Default:KeyPath={key}", .. extraArgs]);

    /// <summary>Starts the cloud host with extra environment variables (say, those systemd gives a <c>Type=notify</c> service).</summary>
    public static Task<(ChildProcess Process, Uri Api)> StartCloudAsync(
        MosquittoBroker broker, InfluxDbServer influx, TempFolder folder, IReadOnlyDictionary<string, string> environment, params string[] extraArgs) =>
        StartCloudCoreAsync(broker, influx.BaseAddress, folder, "http", [$"--InfluxDb:Database={influx.Database}", .. extraArgs], environment: environment);

    /// <summary>Starts the cloud host on a port chosen beforehand (say, one an OpenID Connect provider must redirect to).</summary>
    public static Task<(ChildProcess Process, Uri Api)> StartCloudOnPortAsync(
        MosquittoBroker broker, InfluxDbServer influx, TempFolder folder, int port, params string[] extraArgs) =>
        StartCloudCoreAsync(broker, influx.BaseAddress, folder, "http", [$"--InfluxDb:Database={influx.Database}", .. extraArgs], port);

    private static async Task<(ChildProcess Process, Uri Api)> StartCloudCoreAsync(
        MosquittoBroker broker, Uri timeSeries, TempFolder folder, string scheme, string[] extraArgs, int? chosenPort = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        TestCategory.EnsureServersAllowed("the cloud as a process");
        // Its accounts store holds the admin the tests call as (CloudAccounts.AdminClient).
        CloudAccounts.AdminToken(folder);
        var port = chosenPort ?? FreePort.Next();
        var api = new Uri($"{scheme}://127.0.0.1:{port}");
        var process = ChildProcess.Start("dotnet",
        [
            Assembly("cloud", "GzAiEdge.Cloud"), "--urls", api.ToString(), $"--InfluxDb:BaseAddress={timeSeries}",
            // The test brokers listen on loopback without TLS unless a test sets Broker:CaFile (then TLS is used).
            $"--Broker:Port={broker.Port}", "--Broker:AllowPlaintext=true", $"--Broker:Ingest:ClientId=gz-ingest-{port}",
            $"--Catalogue:Path={RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml")}",
            $"--DeadLetters:Path={folder.File("dead-letters.db")}",
            $"--Alerts:RulesPath={RepoPaths.Combine("firmware-configs", "alerts", "rules.yaml")}", $"--Alerts:StorePath={folder.File("alerts.db")}",
            $"--Access:StorePath={CloudAccounts.Store(folder)}", $"--AuditLog:Path={CloudAccounts.AuditLog(folder)}",
            $"--Evaluation:PublishedPath={folder.File("published-leaderboards.db")}",
            .. extraArgs,
        ], environment, folder.Path);
        await PortProbe.WaitUntilListeningAsync(port, process, "cloud", TimeSpan.FromSeconds(60));

        // The web server listens before the MQTT subscriptions are in place; a test that publishes
        // then would race them. The live feed subscribes last (after ingestion), so its line means both;
        // with the live feed off, ingestion's own line does.
        for (var waited = 0; !process.Output.Contains("Live feed subscribed", StringComparison.Ordinal)
            && !(process.Output.Contains("Live feed off", StringComparison.Ordinal) && process.Output.Contains("Subscribed to $share", StringComparison.Ordinal));
            waited += 100)
        {
            if (process.HasExited || waited > 60_000)
            {
                throw new InvalidOperationException($"the cloud did not subscribe to the broker (exited: {process.HasExited}); its output:\n{process.Output}");
            }

            await Task.Delay(100);
        }

        return (process, api);
    }

    /// <summary>Starts the cloud host with exactly these arguments, without waiting for it.</summary>
    public static ChildProcess StartCloud(TempFolder folder, params string[] args)
    {
        TestCategory.EnsureServersAllowed("the cloud as a process");
        return ChildProcess.Start("dotnet", [Assembly("cloud", "GzAiEdge.Cloud"), .. args], workingDirectory: folder.Path);
    }

    /// <summary>Starts an edge worker with a YAML config written to the folder (and, say, the environment systemd gives a service).</summary>
    public static ChildProcess StartEdge(string configYaml, TempFolder folder, string name = "device",
        IReadOnlyDictionary<string, string>? environment = null)
    {
        TestCategory.EnsureServersAllowed("an edge worker as a process");
        var config = folder.File($"{name}.yaml");
        File.WriteAllText(config, configYaml);
        return ChildProcess.Start("dotnet", [Assembly("edge", "GzAiEdge.Edge"), "--config", config], environment, folder.Path);
    }

    /// <summary>Starts the fleet simulator (gz fleet) with these arguments.</summary>
    public static ChildProcess StartFleet(TempFolder folder, params string[] args)
    {
        TestCategory.EnsureServersAllowed("the fleet simulator as a process");
        return ChildProcess.Start("dotnet", [Assembly("edge", "GzAiEdge.Fleet"), .. args], workingDirectory: folder.Path);
    }

    /// <summary>Runs the gz command line to completion (at most a minute); returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCliAsync(TempFolder folder, params string[] args) =>
        RunCliInAsync(folder.Path, args);

    /// <summary>Runs the gz command line in <paramref name="workingDirectory"/> (at most a minute); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCliInAsync(string workingDirectory, params string[] args)
    {
        var dll = RepoPaths.Combine("cloud", "GzAiEdge.Cli", "bin", Configuration, "net10.0", "gz.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built; run ./gz build first", dll);
        }

        await using var cli = ChildProcess.Start("dotnet", [dll, .. args], workingDirectory: workingDirectory);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await cli.WaitForExitAsync(timeout.Token);
        return (cli.ExitCode, cli.Output);
    }

    private static string Assembly(string area, string project)
    {
        var path = RepoPaths.Combine(area, project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; run ./gz build first", path);
    }
}
