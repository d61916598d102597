using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GzAiEdge.FleetSimulation;
using GzAiEdge.FleetSimulation.Devices;
using GzAiEdge.FleetSimulation.Identities;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Fleet;

/// <summary><c>gz fleet</c>: up to 99 999 simulated devices in this process, each with its own connection, identity and key.</summary>
public static class FleetCommand
{
    public static RootCommand Create()
    {
        var devices = new Option<int>("--devices") { Description = "Simulated devices (1 to 99 999)", DefaultValueFactory = _ => 100 };
        var broker = new Option<string>("--broker") { Description = "Broker as host:port", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var window = new Option<int>("--window-seconds") { Description = "KPI window length: one signed report per device per window", DefaultValueFactory = _ => 10 };
        var heartbeat = new Option<int>("--heartbeat-seconds") { Description = "Time between heartbeats", DefaultValueFactory = _ => 30 };
        var sampleHz = new Option<double>("--sample-hz") { Description = "Simulation ticks per second", DefaultValueFactory = _ => 1 };
        var duration = new Option<int?>("--duration-seconds") { Description = "Stop after this long (default: until Ctrl-C)" };
        var credentials = new Option<string?>("--credentials") { Description = "A gz provision folder (broker users, CA, signing keys); without it the broker must allow anonymous clients" };
        var state = new Option<string>("--state") { Description = "Folder for chain heads and, without --credentials, the generated keys and their registry device-keys.json", DefaultValueFactory = _ => ".run/fleet" };
        var catalogue = new Option<string>("--catalogue") { Description = "Scenario catalogue (its types/ folder beside it)", DefaultValueFactory = _ => "firmware-configs/scenarios/catalogue.yaml" };
        var ca = new Option<string?>("--ca") { Description = "PEM CA file: connect with TLS (credentials from gz provision name theirs)" };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "A signed checkpoint every N reports (and at stop)", DefaultValueFactory = _ => 60 };
        var connectParallel = new Option<int>("--connect-parallel") { Description = "Connects in progress at once", DefaultValueFactory = _ => 64 };
        var stats = new Option<int>("--stats-seconds") { Description = "Time between stats lines", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Stats as JSON lines" };
        var exactHeap = new Option<bool>("--exact-heap") { Description = "Collect garbage before each stats line so the managed heap is what is live (costs a full GC)" };
        var allowPlaintext = new Option<bool>("--allow-plaintext") { Description = "Let devices without a CA (no --ca, no CA in --credentials) connect without TLS; a warning says so at start" };
        var list = new Option<bool>("--list") { Description = "Print the devices as site/device lines (for gz provision --devices-from) and exit" };
        var writeCatalogue = new Option<string?>("--write-catalogue")
        {
            Description = "Write the catalogue with the devices listed under the scenarios they report for, and exit: the cloud that ingests the fleet loads it (Catalogue:Path), as it takes reports only from listed devices",
        };
        devices.Validators.Add(r => Range(r, "--devices", r.GetValueOrDefault<int>(), 1, 99_999));
        window.Validators.Add(r => Range(r, "--window-seconds", r.GetValueOrDefault<int>(), 1, 86_400));
        heartbeat.Validators.Add(r => Range(r, "--heartbeat-seconds", r.GetValueOrDefault<int>(), 1, 86_400));
        checkpointEvery.Validators.Add(r => Range(r, "--checkpoint-every", r.GetValueOrDefault<int>(), 1, 1_000_000));
        connectParallel.Validators.Add(r => Range(r, "--connect-parallel", r.GetValueOrDefault<int>(), 1, 10_000));
        stats.Validators.Add(r => Range(r, "--stats-seconds", r.GetValueOrDefault<int>(), 1, 86_400));
        sampleHz.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (>= 0.1 and <= 100))
            {
                r.AddError("--sample-hz: must be between 0.1 and 100");
            }
        });
        broker.Validators.Add(r =>
        {
            if (ParseBroker(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError($"--broker '{r.GetValueOrDefault<string>()}': expected host:port, e.g. 127.0.0.1:1883");
            }
        });

        var command = new RootCommand("gz fleet: simulated devices, each with its own MQTT connection, identity and signing key, reporting signed KPI windows per scenario type")
        {
            devices, broker, window, heartbeat, sampleHz, duration, credentials, state, catalogue, ca, checkpointEvery, connectParallel, stats, json, exactHeap,
            allowPlaintext, list, writeCatalogue,
        };
        command.SetAction((result, token) =>
        {
            var (host, port) = ParseBroker(result.GetValue(broker))!.Value;
            var options = new FleetOptions(result.GetValue(devices), host, port, TimeSpan.FromSeconds(result.GetValue(window)),
                TimeSpan.FromSeconds(result.GetValue(heartbeat)), result.GetValue(sampleHz),
                result.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : null, result.GetValue(credentials), result.GetValue(state)!,
                result.GetValue(catalogue)!, result.GetValue(ca), result.GetValue(checkpointEvery), result.GetValue(connectParallel),
                TimeSpan.FromSeconds(result.GetValue(stats)), result.GetValue(json), result.GetValue(exactHeap), result.GetValue(allowPlaintext));
            return result.GetValue(list) ? ListAsync(options)
                : result.GetValue(writeCatalogue) is { } written ? WriteCatalogueAsync(options, written)
                : RunAsync(options, token);
        });
        return command;
    }

    private static Task<int> ListAsync(FleetOptions options) => GuardAsync(() =>
    {
        var layout = new FleetLayout(FleetBuilder.LoadProgramme(options.Catalogue).Catalogue);
        for (var i = 0; i < options.Devices; i++)
        {
            Console.WriteLine($"{layout.Place(i).Site}/{FleetLayout.DeviceId(i)}");
        }

        return Task.FromResult(0);
    });

    private static Task<int> WriteCatalogueAsync(FleetOptions options, string path) => GuardAsync(() =>
    {
        var layout = new FleetLayout(FleetBuilder.LoadProgramme(options.Catalogue).Catalogue);
        CatalogueWriter.WriteWithDevices(options.Catalogue, layout.Listings(options.Devices), path);
        Console.WriteLine($"{path}: {options.Catalogue} with the {options.Devices} simulated devices listed; the cloud that ingests them loads it as Catalogue:Path");
        return Task.FromResult(0);
    });

    private static Task<int> RunAsync(FleetOptions options, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var programme = FleetBuilder.LoadProgramme(options.Catalogue);
        var identities = FleetBuilder.Identities(options, programme);
        Directory.CreateDirectory(options.State);
        var chains = new ChainStore(options.State);
        var counters = new FleetCounters();
        var devices = FleetBuilder.Devices(options, programme, identities, chains, counters, TimeProvider.System);
        if (options.AllowPlaintext && identities.Any(i => (i.CaFile ?? options.CaFile) is null))
        {
            Console.Error.WriteLine($"gz fleet: warning: devices connect to {options.Host}:{options.Port} WITHOUT TLS (--allow-plaintext)");
        }

        if (!options.Json)
        {
            Console.WriteLine($"fleet: {devices.Count} devices of {identities.Select(i => i.Scenario.Id).Distinct().Count()} scenarios → {options.Host}:{options.Port}, " +
                $"{options.Window.TotalSeconds:0} s windows; chain heads in {Path.GetFullPath(options.State)}" +
                (options.Credentials is null ? $", public keys in {Path.GetFullPath(Path.Combine(options.State, GeneratedIdentities.RegistryFile))}" : string.Empty));
        }

        try
        {
            await new FleetRunner(options, devices, counters, chains, TimeProvider.System, Console.Out).RunAsync(cancellationToken);
        }
        finally
        {
            foreach (var device in devices)
            {
                await device.DisposeAsync();
            }
        }

        return 0;
    });

    // What the operator can fix (a config file, a provision folder, a refused identity) is said in one line, without a stack trace.
    private static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is CatalogueException or InvalidDataException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"gz fleet: {ex.Message}");
            return 1;
        }
    }

    private static (string Host, int Port)? ParseBroker(string? value) =>
        value?.LastIndexOf(':') is > 0 and var colon
        && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (value[..colon], port)
            : null;

    private static void Range(OptionResult result, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            result.AddError($"{name}: must be between {min} and {max}");
        }
    }
}
