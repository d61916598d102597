using System.Diagnostics;
using System.Globalization;

namespace GzAiEdge.Inference.Bench;

/// <summary>The same timing rule as the node peer: warm-up, then each run timed alone; the median.</summary>
public static class Latency
{
    /// <summary>Times <paramref name="model"/> on the ONNX Runtime library at <paramref name="library"/> (null: the one beside this binary).</summary>
    public static double MedianMicroseconds(string? library, string model, int runs)
    {
        using var session = InferenceSession.Open(OnnxRuntime.Load(library), model, new InferenceOptions { IntraOpThreads = 1 });
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

    /// <summary>
    /// The same measurement in a child process of this bench, because a process holds one ONNX Runtime library:
    /// the libraries compared must not share one (nor its thread pools and allocator).
    /// </summary>
    public static async Task<double> InChildAsync(string library, string model, int runs)
    {
        var self = typeof(Latency).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        List<string> args = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [self] : [];
        args.AddRange(["latency", library, model, runs.ToString(CultureInfo.InvariantCulture)]);
        var start = new ProcessStartInfo(host, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {host}");
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? double.Parse(await output, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"timing {model} on {library} failed (exit {child.ExitCode}): {await error}");
    }
}
