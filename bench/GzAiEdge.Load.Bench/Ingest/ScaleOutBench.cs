using GzAiEdge.Load.Bench.Support;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>
/// <c>./gz bench scaleout</c>: the ingest run with 1, 2 and 3 instances on the one shared subscription
/// ($share/gz-ingest/…), GzAiEdge and the Node bridge in turn: throughput, what each instance stored, and
/// that the total is exactly the reports sent (nothing lost, nothing stored twice).
/// </summary>
public static class ScaleOutBench
{
    public static async Task<int> RunAsync(int reports, int devices, IReadOnlyList<int> instances, int runs, bool withPeer, string peerAck, bool liveFeed, TextWriter output)
    {
        var settings = IngestBench.Prepare(reports, devices, 8, peerAck, liveFeed, output);
        var kinds = withPeer ? new[] { ConsumerKind.GzAiEdge, ConsumerKind.NodeBridge } : [ConsumerKind.GzAiEdge];
        output.WriteLine($"{runs} runs per instance count and consumer, interleaved; bursts of {settings.Burst:N0} reports");
        var results = new List<IngestResult>();
        var table = new TextTable("run", "consumer", "instances", "points/s", "CPU µs/msg", "per instance", "stored");
        foreach (var k in instances)
        {
            for (var run = 1; run <= runs; run++)
            {
                foreach (var kind in kinds)
                {
                    var result = await IngestRun.RunAsync(settings, kind, k);
                    IngestBench.Check(result, reports);
                    results.Add(result);
                    table.Add($"{run}", IngestBench.Name(kind), $"{k}", IngestBench.Format($"{result.PointsPerSecond:N0}"), IngestBench.Format($"{result.CpuMicrosPerMessage:0.0}"),
                        string.Join(" + ", result.PerInstance.Select(n => IngestBench.Format($"{n:N0}"))), IngestBench.Format($"{result.Stored:N0}"));
                    output.WriteLine(IngestBench.Format($"  {IngestBench.Name(kind)} × {k} run {run}: {result.PointsPerSecond:N0} points/s, per instance {string.Join(" + ", result.PerInstance)}, stored {result.Stored:N0}"));
                }
            }
        }

        double M(ConsumerKind kind, int k) => Median.Of(results.Where(r => r.Kind == kind && r.Instances == k).Select(r => r.PointsPerSecond));
        foreach (var k in instances)
        {
            foreach (var kind in kinds)
            {
                table.Add("median", IngestBench.Name(kind), $"{k}", IngestBench.Format($"{M(kind, k):N0}"),
                    IngestBench.Format($"{Median.Of(results.Where(r => r.Kind == kind && r.Instances == k).Select(r => r.CpuMicrosPerMessage)):0.0}"), string.Empty,
                    IngestBench.Format($"{reports:N0} every run"));
            }
        }

        output.WriteLine();
        table.Print(output);
        foreach (var k in instances)
        {
            var line = IngestBench.Format($"{k} instance(s): GzAiEdge {M(ConsumerKind.GzAiEdge, k) / M(ConsumerKind.GzAiEdge, instances[0]):0.00}× the throughput of {instances[0]}");
            output.WriteLine(withPeer ? line + IngestBench.Format($"; GzAiEdge / node-bridge {M(ConsumerKind.GzAiEdge, k) / M(ConsumerKind.NodeBridge, k):0.00}×") : line);
        }

        return 0;
    }
}
