using System.Diagnostics;
using System.Globalization;
using GzAiEdge.FleetSimulation;
using GzAiEdge.Load.Bench.Support;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>
/// <c>./gz bench ingest</c>: N reports through Mosquitto and one ingestion instance into InfluxDB, GzAiEdge
/// and the Node.js bridge in turn (ours, peer, ours, peer…), so that the machine's noise hits both; medians.
/// </summary>
public static class IngestBench
{
    /// <summary>The receive maximum both consumers announce: GzAiEdge ingestion's default (Ingestion:ReceiveMaximum).</summary>
    public const int ReceiveMaximum = 10_000;

    /// <summary>
    /// Reports queued per burst, and so the most one session holds. Mosquitto 2.0.11 (Debian 12) sends a session
    /// more unacknowledged messages than its receive maximum once its queue is deeper than that
    /// (db__message_delete_outgoing refills from the queue by list position, not by what is in flight). Our client
    /// tolerates that now; bursts no larger than the receive maximum keep the peer clear of it, whatever MQTT.js
    /// makes of it, and both sides' drains alike (docs/benchmarks.md, "Known problems").
    /// </summary>
    public const int Burst = ReceiveMaximum;

    public static async Task<int> RunAsync(int reports, int devices, int runs, int loaderConnections, string peerAck, bool liveFeed, TextWriter output)
    {
        var settings = Prepare(reports, devices, loaderConnections, peerAck, liveFeed, output);
        output.WriteLine($"{runs} runs each, interleaved; Mosquitto (gz-limits.conf) and InfluxDB fresh per run; the Node bridge acknowledges {Ack(peerAck)}");
        var results = new List<IngestResult>();
        var table = new TextTable("run", "consumer", "points/s", "CPU µs/msg", "peak RSS MB", "broker µs/msg", "InfluxDB µs/msg", "stored");
        for (var run = 1; run <= runs; run++)
        {
            foreach (var kind in new[] { ConsumerKind.GzAiEdge, ConsumerKind.NodeBridge })
            {
                var result = await IngestRun.RunAsync(settings, kind, 1);
                Check(result, reports);
                results.Add(result);
                output.WriteLine(Format($"  run {run} {Name(kind)}: {result.PointsPerSecond:N0} points/s, {result.CpuMicrosPerMessage:0.0} µs CPU/msg, peak RSS {result.PeakRssBytes / 1048576.0:0} MB, stored {result.Stored:N0}"));
                table.Add($"{run}", Name(kind), Format($"{result.PointsPerSecond:N0}"), Format($"{result.CpuMicrosPerMessage:0.0}"),
                    Format($"{result.PeakRssBytes / 1048576.0:0}"), Format($"{result.BrokerMicrosPerMessage:0.0}"), Format($"{result.InfluxMicrosPerMessage:0.0}"), Format($"{result.Stored:N0}"));
            }
        }

        PrintSummary(results, table, output);
        return 0;
    }

    /// <summary>The reports (made before any clock starts) and the peer's scenario → sector map.</summary>
    public static IngestSettings Prepare(int reports, int devices, int loaderConnections, string peerAck, bool liveFeed, TextWriter output)
    {
        PeerPackages.Require();
        var programme = FleetBuilder.LoadProgramme(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"));
        var making = Stopwatch.StartNew();
        var set = ReportSet.Make(programme, reports + Burst, devices);
        var sectors = Path.Combine(Path.GetTempPath(), $"gz-bench-sectors-{Environment.ProcessId}.json");
        ReportSet.WriteSectors(programme, sectors);
        var catalogue = Path.Combine(Path.GetTempPath(), $"gz-bench-catalogue-{Environment.ProcessId}.yaml");
        ListedCatalogue.Write(catalogue, ReportSet.Listings(programme, devices));
        var sizes = set.Select(r => (double)r.Payload.Length).ToList();
        output.WriteLine(Format($"{reports:N0} signed KPI reports (after {Burst:N0} to warm up) from {devices:N0} devices of {programme.Catalogue.All.Count} scenarios ({Median.Of(sizes):0} B median payload, 9 to 13 KPIs), made in {making.Elapsed.TotalSeconds:0.0} s; loader: {loaderConnections} connections; bursts of {Burst:N0}"));
        output.WriteLine(liveFeed
            ? "GzAiEdge instances run ingestion and their live feed (dashboard, alerts: every report a second time)"
            : "GzAiEdge instances only ingest (LiveFeed:Enabled=false, as ingestion-only instances run; --live-feed to add it)");
        return new IngestSettings(set, Burst, sectors, catalogue, peerAck, loaderConnections, Burst, liveFeed);
    }

    public static string Name(ConsumerKind kind) => kind == ConsumerKind.GzAiEdge ? "GzAiEdge" : "node-bridge";

    public static string Ack(string peerAck) => peerAck == "after-write" ? "after the write (customHandleAcks)" : "on receipt (MQTT.js default)";

    public static void Check(IngestResult result, long expected)
    {
        if (result.Stored != expected)
        {
            throw new InvalidOperationException($"{Name(result.Kind)} stored {result.Stored} points for {expected} reports");
        }
    }

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void PrintSummary(List<IngestResult> results, TextTable table, TextWriter output)
    {
        foreach (var kind in new[] { ConsumerKind.GzAiEdge, ConsumerKind.NodeBridge })
        {
            var mine = results.Where(r => r.Kind == kind).ToList();
            table.Add("median", Name(kind), Format($"{Median.Of(mine.Select(r => r.PointsPerSecond)):N0}"), Format($"{Median.Of(mine.Select(r => r.CpuMicrosPerMessage)):0.0}"),
                Format($"{Median.Of(mine.Select(r => r.PeakRssBytes / 1048576.0)):0}"), Format($"{Median.Of(mine.Select(r => r.BrokerMicrosPerMessage)):0.0}"),
                Format($"{Median.Of(mine.Select(r => r.InfluxMicrosPerMessage)):0.0}"), Format($"{mine.Count} × {mine[0].Stored:N0}"));
        }

        output.WriteLine();
        table.Print(output);
        double M(ConsumerKind k, Func<IngestResult, double> f) => Median.Of(results.Where(r => r.Kind == k).Select(f));
        var throughput = M(ConsumerKind.GzAiEdge, r => r.PointsPerSecond) / M(ConsumerKind.NodeBridge, r => r.PointsPerSecond);
        var cpu = M(ConsumerKind.NodeBridge, r => r.CpuMicrosPerMessage) / M(ConsumerKind.GzAiEdge, r => r.CpuMicrosPerMessage);
        output.WriteLine(Format($"ratio: throughput GzAiEdge / node-bridge {throughput:0.00}×; CPU per message node-bridge / GzAiEdge {cpu:0.00}×"));
    }
}
