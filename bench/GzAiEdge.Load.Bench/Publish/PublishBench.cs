using System.Text.Json;
using GzAiEdge.FleetSimulation;
using GzAiEdge.Load.Bench.Ingest;
using GzAiEdge.Load.Bench.Support;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Publish;

/// <summary>
/// <c>./gz bench publish</c>: our MQTT client against MQTT.js, each publishing the same pre-built reports at
/// QoS 1 from one connection to one Mosquitto (gz-limits.conf), in turn; messages/s and CPU µs per message
/// of the publishing process, medians.
/// </summary>
public static class PublishBench
{
    private record Result(string Side, double Seconds, double CpuSeconds, double BrokerCpuSeconds, int Messages, int Window);

    public static async Task<int> RunAsync(int messages, int runs, TextWriter output)
    {
        PeerPackages.Require();
        var programme = FleetBuilder.LoadProgramme(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"));
        using var folder = new TempFolder("gz-bench-publish");
        var payloads = folder.File("payloads.tsv");
        ReportSet.WriteLines(ReportSet.Make(programme, messages, 100), payloads);
        await using var broker = await MosquittoBroker.StartAsync();
        output.WriteLine(IngestBench.Format($"{messages:N0} signed KPI reports per run, QoS 1, one connection, in flight: the broker's receive maximum; {runs} runs each, interleaved"));
        var results = new List<Result>();
        var table = new TextTable("run", "publisher", "messages/s", "CPU µs/msg", "broker µs/msg");
        for (var run = 1; run <= runs; run++)
        {
            foreach (var side in new[] { "GzAiEdge", "MQTT.js" })
            {
                var brokerCpu = ProcStat.CpuSeconds(broker.Pid!.Value);
                var result = await RunOneAsync(side, broker.Port, payloads);
                result = result with { BrokerCpuSeconds = ProcStat.CpuSeconds(broker.Pid!.Value) - brokerCpu };
                results.Add(result);
                if (results.Count == 1)
                {
                    output.WriteLine($"the broker's receive maximum (messages in flight per connection): {result.Window}");
                }

                table.Add($"{run}", side, IngestBench.Format($"{result.Messages / result.Seconds:N0}"), IngestBench.Format($"{result.CpuSeconds / result.Messages * 1e6:0.00}"),
                    IngestBench.Format($"{result.BrokerCpuSeconds / result.Messages * 1e6:0.00}"));
                output.WriteLine(IngestBench.Format($"  run {run} {side}: {result.Messages / result.Seconds:N0} messages/s, {result.CpuSeconds / result.Messages * 1e6:0.00} µs CPU/msg"));
            }
        }

        double M(string side, Func<Result, double> f) => Median.Of(results.Where(r => r.Side == side).Select(f));
        foreach (var side in new[] { "GzAiEdge", "MQTT.js" })
        {
            table.Add("median", side, IngestBench.Format($"{M(side, r => r.Messages / r.Seconds):N0}"), IngestBench.Format($"{M(side, r => r.CpuSeconds / r.Messages * 1e6):0.00}"),
                IngestBench.Format($"{M(side, r => r.BrokerCpuSeconds / r.Messages * 1e6):0.00}"));
        }

        output.WriteLine();
        table.Print(output);
        var rate = M("GzAiEdge", r => r.Messages / r.Seconds) / M("MQTT.js", r => r.Messages / r.Seconds);
        var cpu = M("MQTT.js", r => r.CpuSeconds / r.Messages) / M("GzAiEdge", r => r.CpuSeconds / r.Messages);
        output.WriteLine(IngestBench.Format($"ratio: messages/s GzAiEdge / MQTT.js {rate:0.00}×; CPU per message MQTT.js / GzAiEdge {cpu:0.00}×"));
        return 0;
    }

    private static async Task<Result> RunOneAsync(string side, int port, string payloads)
    {
        var (file, args) = side == "GzAiEdge"
            ? ("dotnet", new[] { typeof(PublishBench).Assembly.Location, "publisher", "--port", $"{port}", "--payloads", payloads })
            : ("node", new[] { "mqtt-publisher.mjs", "--port", $"{port}", "--payloads", payloads });
        await using var process = ChildProcess.Start(file, args, workingDirectory: BenchPaths.Peers);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var line = process.Output.Split('\n').FirstOrDefault(l => l.StartsWith("{\"messages\"", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"the {side} publisher failed (exit {process.ExitCode}):\n{process.Output}");
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new Result(side, root.GetProperty("seconds").GetDouble(), root.GetProperty("cpuSeconds").GetDouble(), 0, root.GetProperty("messages").GetInt32(), root.GetProperty("window").GetInt32());
    }
}
