using System.Diagnostics;

namespace GzAiEdge.Inference.Bench;

/// <summary>The same timing rule as the node peer: warm-up, then each run timed alone; the median.</summary>
public static class Latency
{
    public static double MedianMicroseconds(string model, int runs)
    {
        using var session = InferenceSession.Open(OnnxRuntime.Load(), model, new InferenceOptions { IntraOpThreads = 1 });
        using var binding = session.CreateBinding();
        binding.Input<float>(0).Fill(0.5f);
        for (var i = 0; i < Math.Min(500, runs); i++)
        {
            binding.Run();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            binding.Run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }
}
