using BenchmarkDotNet.Attributes;

namespace GzAiEdge.Inference.Bench;

/// <summary>Managed bytes allocated per inference in steady state (target: 0 B), with BenchmarkDotNet's own timing.</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(5)]
public class AllocationBenchmarks
{
    /// <summary>The repository root, passed from the harness to the benchmark process.</summary>
    public const string RootVariable = "GZ_BENCH_ROOT";

    private InferenceSession? _session;
    private SessionBinding? _binding;

    [Params("tiny-add", "traffic-detector")]
    public string Model { get; set; } = "tiny-add";

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable(RootVariable) ?? Directory.GetCurrentDirectory();
        _session = InferenceSession.Open(OnnxRuntime.Load(), Path.Combine(root, "models", $"{Model}.onnx"), new InferenceOptions { IntraOpThreads = 1 });
        _binding = _session.CreateBinding();
        _binding.Input<float>(0).Fill(0.5f);
    }

    [Benchmark]
    public void Run() => _binding!.Run();

    [GlobalCleanup]
    public void Cleanup()
    {
        _binding?.Dispose();
        _session?.Dispose();
    }
}
