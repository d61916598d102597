using System.Text.Json;
using GzAiEdge.Load.Bench.Ingest;
using GzAiEdge.Load.Bench.Support;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Fleet;

/// <summary>
/// <c>./gz bench fleet</c>: memory and CPU per simulated device. The fleet simulator (gz fleet) and an MQTT.js
/// fleet doing the same per device (bench/peers/mqtt-fleet.mjs) run in turn against a fresh Mosquitto; each
/// connects every device, runs one window to settle, then is measured over two more: resident memory and
/// managed heap after a full collection (live objects), CPU per device and second.
/// </summary>
public static class FleetBench
{
    /// <summary>The target the bench reports against: 10 000 simulated devices within 1 GiB in one process.</summary>
    private const long Bound = 1L << 30;

    private record Result(string Side, int Devices, double ConnectSeconds, long RssBytes, long HeapBytes, double CpuMicrosPerDeviceSecond);

    public static async Task<int> RunAsync(IReadOnlyList<int> deviceCounts, int runs, int windowSeconds, TextWriter output)
    {
        PeerPackages.Require();
        using var state = new TempFolder("gz-bench-fleet");
        output.WriteLine($"fleet: {string.Join(" and ", deviceCounts)} devices, {windowSeconds} s windows and heartbeats, one settling window then two measured; {runs} runs each, interleaved");
        var results = new List<Result>();
        var table = new TextTable("run", "fleet", "devices", "connect s", "RSS MB", "KiB/device", "heap MB", "heap KiB/device", "CPU µs/device/s");
        foreach (var devices in deviceCounts)
        {
            for (var run = 1; run <= runs; run++)
            {
                foreach (var side in new[] { "GzAiEdge", "MQTT.js" })
                {
                    var result = await RunOneAsync(side, devices, windowSeconds, state);
                    results.Add(result);
                    table.Add($"{run}", side, $"{devices}", IngestBench.Format($"{result.ConnectSeconds:0.0}"), IngestBench.Format($"{result.RssBytes / 1048576.0:0}"),
                        IngestBench.Format($"{result.RssBytes / 1024.0 / devices:0.0}"), IngestBench.Format($"{result.HeapBytes / 1048576.0:0}"),
                        IngestBench.Format($"{result.HeapBytes / 1024.0 / devices:0.0}"), IngestBench.Format($"{result.CpuMicrosPerDeviceSecond:0.0}"));
                    output.WriteLine(IngestBench.Format($"  {side} {devices} devices run {run}: RSS {result.RssBytes / 1048576.0:0} MB, heap {result.HeapBytes / 1048576.0:0} MB, {result.CpuMicrosPerDeviceSecond:0.0} µs CPU per device-second"));
                }
            }
        }

        Summarise(results, deviceCounts, table, output);
        return 0;
    }

    private static void Summarise(List<Result> results, IReadOnlyList<int> deviceCounts, TextTable table, TextWriter output)
    {
        double M(string side, int devices, Func<Result, double> f) => Median.Of(results.Where(r => r.Side == side && r.Devices == devices).Select(f));
        foreach (var devices in deviceCounts)
        {
            foreach (var side in new[] { "GzAiEdge", "MQTT.js" })
            {
                table.Add("median", side, $"{devices}", IngestBench.Format($"{M(side, devices, r => r.ConnectSeconds):0.0}"), IngestBench.Format($"{M(side, devices, r => r.RssBytes) / 1048576.0:0}"),
                    IngestBench.Format($"{M(side, devices, r => r.RssBytes) / 1024.0 / devices:0.0}"), IngestBench.Format($"{M(side, devices, r => r.HeapBytes) / 1048576.0:0}"),
                    IngestBench.Format($"{M(side, devices, r => r.HeapBytes) / 1024.0 / devices:0.0}"), IngestBench.Format($"{M(side, devices, r => r.CpuMicrosPerDeviceSecond):0.0}"));
            }
        }

        output.WriteLine();
        table.Print(output);
        foreach (var devices in deviceCounts)
        {
            var rss = M("MQTT.js", devices, r => r.RssBytes) / M("GzAiEdge", devices, r => r.RssBytes);
            var cpu = M("MQTT.js", devices, r => r.CpuMicrosPerDeviceSecond) / M("GzAiEdge", devices, r => r.CpuMicrosPerDeviceSecond);
            var ours = M("GzAiEdge", devices, r => r.RssBytes);
            output.WriteLine(IngestBench.Format($"ratio at {devices} devices: RSS MQTT.js / GzAiEdge {rss:0.00}×, CPU MQTT.js / GzAiEdge {cpu:0.00}×; GzAiEdge RSS {ours / 1048576.0:0} MB {(ours <= Bound ? "within" : "over")} 1 GiB"));
        }

        if (deviceCounts.Count >= 2)
        {
            // What one more device costs, without the runtime's fixed share: the slope between the two counts.
            var (small, large) = (deviceCounts.Min(), deviceCounts.Max());
            foreach (var side in new[] { "GzAiEdge", "MQTT.js" })
            {
                var rss = (M(side, large, r => r.RssBytes) - M(side, small, r => r.RssBytes)) / 1024.0 / (large - small);
                var heap = (M(side, large, r => r.HeapBytes) - M(side, small, r => r.HeapBytes)) / 1024.0 / (large - small);
                output.WriteLine(IngestBench.Format($"marginal per device ({small} → {large}), {side}: RSS {rss:0.0} KiB, heap {heap:0.0} KiB"));
            }
        }
    }

    private static async Task<Result> RunOneAsync(string side, int devices, int windowSeconds, TempFolder state)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var duration = $"{windowSeconds * 3}";
        var window = $"{windowSeconds}";
        var (file, args) = side == "GzAiEdge"
            ? ("dotnet", new[]
            {
                BenchPaths.FleetDll, "--devices", $"{devices}", "--broker", $"{broker.Host}:{broker.Port}", "--window-seconds", window, "--heartbeat-seconds", window,
                "--duration-seconds", duration, "--stats-seconds", window, "--json", "--exact-heap", "--state", state.File($"gz-{devices}"),
                "--catalogue", RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"),

                // The bench's own broker listens on loopback without TLS, as the MQTT.js fleet's does.
                "--allow-plaintext",
            })
            : ("node", new[]
            {
                "--expose-gc", "mqtt-fleet.mjs", "--port", $"{broker.Port}", "--devices", $"{devices}", "--window-seconds", window, "--heartbeat-seconds", window,
                "--duration-seconds", duration, "--stats-seconds", window,
            });
        await using var process = ChildProcess.Start(file, args, workingDirectory: BenchPaths.Peers);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var stats = process.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        if (process.ExitCode != 0 || stats.Count == 0)
        {
            throw new InvalidOperationException($"the {side} fleet failed (exit {process.ExitCode}):\n{process.Output}");
        }

        return Measure(side, devices, windowSeconds, stats, process.Output);
    }

    // Lines with every device connected, from one window after the first of them, are the steady state; the
    // last line (after the stop, nothing connected) is left out.
    private static Result Measure(string side, int devices, int windowSeconds, List<JsonElement> stats, string output)
    {
        var all = stats.Where(s => s.GetProperty("connected").GetInt64() == devices).ToList();
        var connectedAt = all.Count > 0 ? all[0].GetProperty("seconds").GetDouble() : double.NaN;
        var steady = all.Where(s => s.GetProperty("seconds").GetDouble() >= connectedAt + windowSeconds - 0.5).ToList();
        if (steady.Count < 2)
        {
            throw new InvalidOperationException($"the {side} fleet printed too few steady-state stats lines to measure:\n{output}");
        }

        var (first, last) = (steady[0], steady[^1]);
        var seconds = last.GetProperty("seconds").GetDouble() - first.GetProperty("seconds").GetDouble();
        var cpu = last.GetProperty("cpuSeconds").GetDouble() - first.GetProperty("cpuSeconds").GetDouble();
        return new Result(side, devices, connectedAt, last.GetProperty("rssBytes").GetInt64(), last.GetProperty("managedHeapBytes").GetInt64(), cpu / seconds / devices * 1e6);
    }
}
