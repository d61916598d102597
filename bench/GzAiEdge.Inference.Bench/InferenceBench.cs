using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace GzAiEdge.Inference.Bench;

/// <summary>Runs the latency comparison and the allocation benchmark; prints one table per part.</summary>
public static class InferenceBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
        var models = new[] { "tiny-add", "traffic-detector" };
        Console.WriteLine($"ONNX Runtime {OnnxRuntime.Load().Version}, CPU, 1 intra-op thread, {runs} runs each after warm-up; medians");
        Console.WriteLine($"{"model",-18} {"GzAiEdge (µs)",14} {"onnxruntime-node (µs)",22} {"node / ours",12}");
        foreach (var model in models)
        {
            var path = Path.Combine(root, "models", $"{model}.onnx");
            var ours = Latency.MedianMicroseconds(path, runs);
            var node = await NodeMedianAsync(root, path, runs);
            Console.WriteLine($"{model,-18} {ours,14:F1} {node,22:F1} {node / ours,12:F2}");
        }

        Console.WriteLine();
        Environment.SetEnvironmentVariable(AllocationBenchmarks.RootVariable, root);
        BenchmarkRunner.Run<AllocationBenchmarks>(DefaultConfig.Instance.WithArtifactsPath(Path.Combine(root, ".run", "bench")));
        return 0;
    }

    private static async Task<double> NodeMedianAsync(string root, string model, int runs)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(root, "bench", "peers", "ort-node.mjs"), model, runs.ToString(CultureInfo.InvariantCulture), "1"])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = Path.Combine(root, "bench", "peers"),
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"the onnxruntime-node peer failed (exit {node.ExitCode}); is bench/peers installed (npm install --ignore-scripts)?");
        }

        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("medianUs").GetDouble();
    }
}
