using System.Globalization;

namespace GzAiEdge.HotPath.Bench;

/// <summary>
/// The hot-path benchmarks again, timed by this thread's CPU time instead of the wall clock, with the
/// bytes allocated per operation: on a machine shared with other work BenchmarkDotNet's wall-clock
/// figures swell with every preemption, CPU time much less. Median of rounds.
/// </summary>
public static class CpuTimes
{
    private const int Rounds = 7;

    public static int Run(int iterations)
    {
        var mqtt = new MqttBenchmarks();
        mqtt.Setup();
        var kpi = new KpiPathBenchmarks();
        kpi.Setup();
        var commands = new CommandSigningBenchmarks();
        commands.Setup();
        Console.WriteLine($"{"operation",-44} {"CPU ns/op",10} {"B/op",8}   (median of {Rounds} rounds of {iterations} ops, this thread's CPU time)");
        Measure("MQTT PUBLISH decode (pooled, released)", iterations, 1, () => mqtt.DecodePublish());
        Measure("MQTT PUBLISH encode (burst of 100)", iterations / 100, 100, () => mqtt.EncodePublishBurst());
        Measure("MQTT PUBACK encode (burst of 100)", iterations / 100, 100, () => mqtt.EncodePubAckBurst());
        Measure("KPI report -> line, hot path", iterations, 1, () => kpi.HotPath());
        Measure("KPI report -> line, general path (before)", iterations / 10, 1, kpi.GeneralPath);
        Measure("  read + validate in place", iterations, 1, () => kpi.ReadReport());
        Measure("  read + time bounds + catalogue listing", iterations, 1, () => kpi.ReadAndBound());
        Measure("  read + canonical bytes + SHA-256", iterations, 1, () => kpi.ChainHashInPlace());
        Measure("ChainHash.Of(KpiReport) (edge, verifier)", iterations / 10, 1, () => kpi.ChainHashOfReport());
        Measure("line protocol writer, ready point", iterations, 1, kpi.LineProtocolWrite);
        Measure("command: sign (cloud)", iterations / 1000, 1, () => commands.Sign());
        Measure("command: verify signature (device)", iterations / 1000, 1, () => commands.Verify());
        Measure("command: parse + verify (device)", iterations / 1000, 1, () => commands.ReadAndVerify());
        return 0;
    }

    private static void Measure(string name, int invocations, int perInvocation, Action operation)
    {
        for (var i = 0; i < Math.Max(1000, invocations / 10); i++)
        {
            operation();
        }

        var times = new double[Rounds];
        long allocated = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpu.Nanoseconds();
            for (var i = 0; i < invocations; i++)
            {
                operation();
            }

            times[round] = (ThreadCpu.Nanoseconds() - start) / (double)(invocations * perInvocation);
            allocated = Math.Max(allocated, GC.GetAllocatedBytesForCurrentThread() - bytes);
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} {times[Rounds / 2],10:F0} {allocated / (double)(invocations * perInvocation),8:F1}"));
    }
}
