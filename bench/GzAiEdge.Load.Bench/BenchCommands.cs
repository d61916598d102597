using System.CommandLine;
using GzAiEdge.Load.Bench.Audit;
using GzAiEdge.Load.Bench.Fleet;
using GzAiEdge.Load.Bench.Ingest;
using GzAiEdge.Load.Bench.Publish;

namespace GzAiEdge.Load.Bench;

/// <summary>The sub-benchmarks and their options; every one prints medians and a ratio against its peer.</summary>
public static class BenchCommands
{
    public static RootCommand Create() => new("GzAiEdge whole-system benchmarks against their peers (docs/benchmarks.md)")
    {
        Ingest(),
        Publish(),
        Publisher(),
        FleetMemory(),
        ScaleOut(),
        Api(),
        Audit(),
    };

    private static Command Api()
    {
        var requests = Int("--requests", "Requests per run and side (one at a time, so each is a latency)", 2000);
        var runs = Int("--runs", "Runs of each side (interleaved)", 5);
        var devices = Int("--devices", "Devices whose latest report the endpoint returns", 100);
        var command = new Command("api", "GET /api/v1/kpis/latest: p50/p95 with authentication (admin token, provider token) and without") { requests, runs, devices };
        command.SetAction(r => Bench.Api.ApiBench.RunAsync(r.GetValue(requests), r.GetValue(runs), r.GetValue(devices), Console.Out));
        return command;
    }

    private static Command Audit()
    {
        var testSet = new Option<string>("--testset") { Description = "A traffic-detection test set folder (./gz bench audit makes 500 images with models/make_testsets.py)", Required = true };
        var name = new Option<string>("--name") { Description = "The test set's name in its manifest", DefaultValueFactory = _ => "gz-traffic" };
        var runs = Int("--runs", "Audits in a row", 5);
        var baseline = Int("--baseline-seconds", "Field-only seconds measured before each audit", 10);
        var command = new Command("audit", "Audit the traffic detector on a device: wall time, the device's added CPU, field inference p95 during the audit") { testSet, name, runs, baseline };
        command.SetAction(r => AuditBench.RunAsync(Path.GetFullPath(r.GetValue(testSet)!), r.GetValue(name)!, r.GetValue(runs), r.GetValue(baseline), Console.Out));
        return command;
    }

    private static Command ScaleOut()
    {
        var reports = Int("--reports", "KPI reports per run", 60_000);
        var devices = Int("--devices", "Simulated devices the reports come from", 1000);
        var instances = new Option<int[]>("--instances", "-k") { Description = "Ingestion instance counts", DefaultValueFactory = _ => [1, 2, 3], AllowMultipleArgumentsPerToken = true };
        var runs = Int("--runs", "Runs per instance count and consumer (interleaved)", 3);
        var withoutPeer = new Option<bool>("--without-peer") { Description = "Run GzAiEdge only" };
        var ack = PeerAck();
        var liveFeed = LiveFeed();
        var command = new Command("scaleout", "1, 2 and 3 ingestion instances on the shared subscription: throughput, split, nothing lost or doubled") { reports, devices, instances, runs, withoutPeer, ack, liveFeed };
        command.SetAction(r => ScaleOutBench.RunAsync(r.GetValue(reports), r.GetValue(devices), r.GetValue(instances)!, r.GetValue(runs), !r.GetValue(withoutPeer), r.GetValue(ack)!,
            r.GetValue(liveFeed), Console.Out));
        return command;
    }

    private static Command FleetMemory()
    {
        var devices = new Option<int[]>("--devices") { Description = "Fleet sizes to measure", DefaultValueFactory = _ => [1000, 10_000], AllowMultipleArgumentsPerToken = true };
        var runs = Int("--runs", "Runs of each side per size (interleaved)", 3);
        var window = Int("--window-seconds", "KPI window and heartbeat period", 5);
        var command = new Command("fleet", "Memory and CPU per simulated device: gz fleet against an MQTT.js fleet") { devices, runs, window };
        command.SetAction(r => FleetBench.RunAsync(r.GetValue(devices)!, r.GetValue(runs), r.GetValue(window), Console.Out));
        return command;
    }

    private static Command Publish()
    {
        var messages = Int("--messages", "QoS 1 messages per run", 200_000);
        var runs = Int("--runs", "Runs of each side (interleaved)", 5);
        var command = new Command("publish", "One connection publishing QoS 1 reports: our MQTT client against MQTT.js") { messages, runs };
        command.SetAction(r => PublishBench.RunAsync(r.GetValue(messages), r.GetValue(runs), Console.Out));
        return command;
    }

    // The process `publish` starts for our side, so that its CPU time is measured alone.
    private static Command Publisher()
    {
        var port = Int("--port", "Broker port", 1883);
        var payloads = new Option<string>("--payloads") { Description = "File of topic<TAB>payload lines", Required = true };
        var command = new Command("publisher", "Our side of the publish benchmark (started by it)") { port, payloads };
        command.Hidden = true;
        command.SetAction(r => Bench.Publish.Publisher.RunAsync(r.GetValue(port), r.GetValue(payloads)!));
        return command;
    }

    private static Command Ingest()
    {
        var reports = Int("--reports", "KPI reports per run", 100_000);
        var devices = Int("--devices", "Simulated devices the reports come from", 1000);
        var runs = Int("--runs", "Runs of each side (interleaved)", 5);
        var loader = Int("--loader-connections", "Connections the loader publishes from", 8);
        var ack = PeerAck();
        var liveFeed = LiveFeed();
        var command = new Command("ingest", "Reports → Mosquitto → ingestion → InfluxDB: GzAiEdge against a Node.js MQTT.js bridge") { reports, devices, runs, loader, ack, liveFeed };
        command.SetAction(r => IngestBench.RunAsync(r.GetValue(reports), r.GetValue(devices), r.GetValue(runs), r.GetValue(loader), r.GetValue(ack)!, r.GetValue(liveFeed), Console.Out));
        return command;
    }

    // The peer has no live feed, and a deployment runs its ingestion-only instances without one.
    private static Option<bool> LiveFeed() =>
        new("--live-feed") { Description = "GzAiEdge instances also run their live feed (dashboard, alerts), which reads every report a second time" };

    private static Option<string> PeerAck()
    {
        var option = new Option<string>("--peer-ack") { Description = "When the Node bridge acknowledges: receipt (MQTT.js default) or after-write", DefaultValueFactory = _ => "receipt" };
        option.AcceptOnlyFromAmong("receipt", "after-write");
        return option;
    }

    private static Option<int> Int(string name, string description, int value, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => value };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var v && (v < 1 || v > max))
            {
                r.AddError($"{name}: must be between 1 and {max}");
            }
        });
        return option;
    }
}
