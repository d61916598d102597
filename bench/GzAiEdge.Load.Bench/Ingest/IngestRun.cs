using System.Diagnostics;
using GzAiEdge.Load.Bench.Support;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>What ingest and scale-out runs share: the reports, the peer's inputs, the loader's width and the burst size.</summary>
/// <param name="Reports">Every report a run sends: the warm-up ones first, then the measured ones.</param>
/// <param name="Warmup">How many of the first reports warm the consumers up (JIT tiers, pools, connections) unmeasured.</param>
/// <param name="Burst">Reports queued per burst; at most the consumers' receive maximum (see <see cref="IngestBench.Burst"/>).</param>
/// <param name="LiveFeed">Whether GzAiEdge instances run their live feed as well as ingestion.</param>
public sealed record IngestSettings(IReadOnlyList<PreparedReport> Reports, int Warmup, string SectorsFile, string CatalogueFile, string PeerAck, int LoaderConnections, int Burst, bool LiveFeed)
{
    public int Measured => Reports.Count - Warmup;
}

/// <summary>
/// One run's figures, over the measured reports. CPU is the consumers' (all instances together) per message; peak
/// RSS the largest instance's; per instance counts what each stored in the whole run, warm-up included.
/// </summary>
public sealed record IngestResult(ConsumerKind Kind, int Instances, double Seconds, long Stored, IReadOnlyList<long> PerInstance,
    double CpuMicrosPerMessage, long PeakRssBytes, double BrokerMicrosPerMessage, double InfluxMicrosPerMessage)
{
    public double PointsPerSecond => Stored / Seconds;
}

/// <summary>
/// One measured run. Fresh Mosquitto and InfluxDB; the instances started and left to finish starting
/// (subscribed, their CPU time still); then burst after burst: the instances paused (SIGSTOP), a burst of
/// reports published and queued for them, the instances resumed and the clock run until InfluxDB has taken
/// the burst's points. The warm-up bursts come first and are not measured; at the end a count query must
/// find exactly one point per report. So neither runtime's start-up or JIT warm-up
/// nor the loader is in the figures: only ingestion draining what the broker holds for it (receive, parse,
/// write, acknowledge), as after an outage or a fleet's window closing.
/// </summary>
public static class IngestRun
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    public static async Task<IngestResult> RunAsync(IngestSettings settings, ConsumerKind kind, int instances)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync("gzbench");
        using var folder = new TempFolder("gz-bench-ingest");
        var env = new IngestEnvironment(broker, influx, settings.SectorsFile, settings.CatalogueFile, settings.PeerAck, IngestBench.ReceiveMaximum, settings.LiveFeed);
        var consumers = Enumerable.Range(1, instances).Select(i => Consumer.Start(kind, env, $"gz-ingest-bench-{i}", folder)).ToList();
        try
        {
            await Task.WhenAll(consumers.Select(c => c.WaitUntilSubscribedAsync(settings.LiveFeed)));
            await Task.WhenAll(consumers.Select(c => WaitUntilIdleAsync(c.Process, TimeSpan.FromSeconds(1), 60)));
            await using var loader = await Loader.ConnectAsync(broker, settings.LoaderConnections);
            for (var start = 0; start < settings.Warmup; start += settings.Burst)
            {
                await BurstAsync(settings.Reports, start, Math.Min(settings.Burst, settings.Warmup - start), loader, influx, consumers);
            }

            var cpu = consumers.Sum(c => ProcStat.CpuSeconds(c.Process.Pid));
            var brokerCpu = ProcStat.CpuSeconds(broker.Pid!.Value);
            var influxCpu = ProcStat.CpuSeconds(influx.Pid!.Value);
            var draining = TimeSpan.Zero;
            for (var start = settings.Warmup; start < settings.Reports.Count; start += settings.Burst)
            {
                draining += await BurstAsync(settings.Reports, start, Math.Min(settings.Burst, settings.Reports.Count - start), loader, influx, consumers);
            }

            var n = (double)settings.Measured;

            // The written-points counter also counts a redelivered report written again: the count has the last word.
            var stored = await SettledCountAsync(influx, settings.Reports.Count) - settings.Warmup;
            cpu = consumers.Sum(c => ProcStat.CpuSeconds(c.Process.Pid)) - cpu;
            brokerCpu = ProcStat.CpuSeconds(broker.Pid!.Value) - brokerCpu;
            influxCpu = ProcStat.CpuSeconds(influx.Pid!.Value) - influxCpu;
            var peak = consumers.Max(c => ProcStat.PeakRssBytes(c.Process.Pid));
            var perInstance = new List<long>();
            foreach (var consumer in consumers)
            {
                perInstance.Add(await consumer.StopAndCountAsync());
            }

            return new IngestResult(kind, instances, draining.TotalSeconds, stored, perInstance, cpu / n * 1e6, peak, brokerCpu / n * 1e6, influxCpu / n * 1e6);
        }
        finally
        {
            foreach (var consumer in consumers)
            {
                consumer.Process.Resume();
                await consumer.DisposeAsync();
            }
        }
    }

    // The count once it is all the reports, or once it has not moved for ten seconds.
    private static async Task<long> SettledCountAsync(InfluxDbServer influx, long expected)
    {
        var count = await InfluxCount.KpiPointsAsync(influx);
        for (var still = 0; count < expected && still < 20; still++)
        {
            await Task.Delay(500);
            var now = await InfluxCount.KpiPointsAsync(influx);
            still = now == count ? still : 0;
            count = now;
        }

        return count;
    }

    /// <summary>Queues one burst while the consumers are paused, then times their drain of it.</summary>
    private static async Task<TimeSpan> BurstAsync(IReadOnlyList<PreparedReport> reports, int start, int count, Loader loader, InfluxDbServer influx,
        List<Consumer> consumers)
    {
        var burst = reports.Skip(start).Take(count).ToList();
        var expected = await InfluxCount.WrittenPointsAsync(influx) + count;
        consumers.ForEach(c => c.Process.Pause());
        await loader.PublishAsync(burst);
        var clock = Stopwatch.StartNew();
        consumers.ForEach(c => c.Process.Resume());
        await WaitForWrittenAsync(influx, expected, consumers);
        var drained = clock.Elapsed;

        // Every acknowledgement sent before the next pause, so that a session never holds more than a burst.
        await Task.WhenAll(consumers.Select(c => WaitUntilIdleAsync(c.Process, TimeSpan.Zero, 5)));
        return drained;
    }

    // Idle: no CPU time used over three samples 50 ms apart (after at least minimum); gives up after the limit.
    private static async Task WaitUntilIdleAsync(ChildProcess process, TimeSpan minimum, int limitSeconds)
    {
        var clock = Stopwatch.StartNew();
        var last = -1.0;
        var quiet = 0;
        while (clock.Elapsed.TotalSeconds < limitSeconds)
        {
            await Task.Delay(50);
            if (process.HasExited)
            {
                throw new InvalidOperationException($"a consumer exited with {process.ExitCode}:\n{process.Output}");
            }

            var now = ProcStat.CpuSeconds(process.Pid);
            quiet = now == last ? quiet + 1 : 0;
            last = now;
            if (quiet >= 3 && clock.Elapsed >= minimum)
            {
                return;
            }
        }
    }

    private static async Task WaitForWrittenAsync(InfluxDbServer influx, long expected, List<Consumer> consumers)
    {
        var count = 0L;
        var progressAt = Stopwatch.StartNew();
        while (count < expected)
        {
            await Task.Delay(20);
            var now = await InfluxCount.WrittenPointsAsync(influx);
            if (now != count)
            {
                progressAt.Restart();
            }

            count = now;
            var dead = consumers.FirstOrDefault(c => c.Process.HasExited);
            if (dead is not null || progressAt.Elapsed > Stall)
            {
                var log = RepoPaths.Combine(".run", "bench", $"ingest-failed-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
                Directory.CreateDirectory(Path.GetDirectoryName(log)!);
                await File.WriteAllTextAsync(log, string.Join("\n--- next consumer ---\n", consumers.Select(c => c.Process.Output)));
                throw new InvalidOperationException($"InfluxDB took {count} of the {expected} points expected by the end of a burst, {(dead is not null ? "a consumer exited" : $"no progress for {Stall.TotalSeconds:0} s")}; the consumers' output is in {log}");
            }
        }
    }
}
