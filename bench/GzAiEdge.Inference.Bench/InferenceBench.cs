using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace GzAiEdge.Inference.Bench;

/// <summary>Runs the latency comparison and the allocation benchmark; prints one table per part.</summary>
public static class InferenceBench
{
    // The library inside onnxruntime-node 1.23.2 (bench/peers/package-lock.json), which the build shipped before it
    // took NuGet's; the same pin that build checked.
    private const string NpmLibrary = "bench/peers/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1";
    private const string NpmLibrarySha256 = "733854c3d7ce45256cc1c22cd4a30373247e1f7b7de8f40beab24211ef8e2a76";

    private static readonly string[] Models = ["tiny-add", "traffic-detector"];

    public static async Task<int> RunAsync(string[] args)
    {
        var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var nuget = OnnxRuntime.Load();
        var npm = CheckedNpmLibrary(root);
        var times = new Dictionary<(string Model, int Side), List<double>>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternating sides within each round, so that whatever else the machine does hits all three alike.
            foreach (var model in Models)
            {
                var path = Path.Combine(root, "models", $"{model}.onnx");
                Add(times, model, 0, await Latency.InChildAsync(nuget.LibraryPath, path, runs));
                Add(times, model, 1, await Latency.InChildAsync(npm, path, runs));
                Add(times, model, 2, await NodeMedianAsync(root, path, runs));
            }
        }

        Console.WriteLine($"Our binding on ONNX Runtime {nuget.Version} (NuGet Microsoft.ML.OnnxRuntime, {nuget.LibraryPath}) and on 1.23.2 (npm onnxruntime-node, {NpmLibrary});");
        Console.WriteLine($"onnxruntime-node 1.23.2 with its own binding. CPU, 1 intra-op thread, {runs} runs each after warm-up, each in its own process; median of {rounds} rounds' medians");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"model",-18} {$"ours {nuget.Version} (µs)",18} {"ours 1.23.2 (µs)",17} {"node 1.23.2 (µs)",17} {$"{nuget.Version} / 1.23.2",16} {"node / ours 1.23.2",19}"));
        foreach (var model in Models)
        {
            double Median(int side) => times[(model, side)].Order().ElementAt(rounds / 2);
            var (ours, old, node) = (Median(0), Median(1), Median(2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model,-18} {ours,18:F1} {old,17:F1} {node,17:F1} {ours / old,16:F2} {node / old,19:F2}"));
        }

        Console.WriteLine();
        Environment.SetEnvironmentVariable(AllocationBenchmarks.RootVariable, root);
        BenchmarkRunner.Run<AllocationBenchmarks>(DefaultConfig.Instance.WithArtifactsPath(Path.Combine(root, ".run", "bench")));
        return 0;
    }

    private static void Add(Dictionary<(string, int), List<double>> times, string model, int side, double median)
    {
        if (!times.TryGetValue((model, side), out var list))
        {
            times[(model, side)] = list = [];
        }

        list.Add(median);
    }

    private static string CheckedNpmLibrary(string root)
    {
        var path = Path.Combine(root, NpmLibrary);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing; ./gz bench inference installs bench/peers (npm ci --ignore-scripts)");
        }

        using var file = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(file));
        return actual == NpmLibrarySha256 ? path
            : throw new InvalidOperationException($"{path} has SHA-256 {actual}, expected {NpmLibrarySha256}; refusing to time it");
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
