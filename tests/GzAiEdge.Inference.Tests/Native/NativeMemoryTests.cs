using System.Globalization;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests.Native;

/// <summary>
/// Every native object is released on every path: resident memory does not grow over many runs, many
/// sessions, or many failures, and a run allocates no managed memory. Alone in its collection: other tests
/// loading models in parallel would move the process's resident memory.
/// </summary>
[Collection(nameof(NativeMemoryTests))]
public sealed class NativeMemoryTests
{
    // Measured without tiered JIT (see the project file): after warm-up, 10 000 detector runs or 100 000
    // tiny runs move resident memory by under 20 kB. 2 MB therefore catches a leak of 200 bytes per
    // detector run or 20 bytes per tiny run; the smallest ONNX Runtime object (a tensor value) is larger.
    private const long BoundBytes = 2L << 20;

    [Theory]
    [InlineData("traffic-detector", 10_000)]
    [InlineData("tiny-add", 100_000)]
    public void Many_runs_keep_resident_memory_stable_and_allocate_nothing_managed(string model, int runs)
    {
        using var session = Models.Open(model);
        using var binding = session.CreateBinding();
        binding.Input<float>(0).Fill(0.5f);
        for (var i = 0; i < 2_000; i++)
        {
            binding.Run();
        }

        var before = ResidentBytes();
        var managed = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            binding.Run();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - managed;
        var grown = ResidentBytes() - before;

        Assert.Equal(0, allocated);
        Assert.True(grown < BoundBytes, $"resident memory grew by {grown} bytes over {runs} runs of {model} (bound {BoundBytes})");
    }

    [Fact]
    public void Runs_of_a_dynamic_model_bound_at_a_size_keep_resident_memory_stable_and_allocate_nothing_managed()
    {
        using var session = Models.Open("traffic-yolov8-coco-dynamic");
        using var binding = session.CreateBinding(new Dictionary<string, long[]> { ["images"] = session.ResolveImageInput("images", new ImageSize(480, 640), stride: 40) });
        binding.Input<float>(0).Fill(0.5f);
        for (var i = 0; i < 500; i++)
        {
            binding.Run();
        }

        var before = ResidentBytes();
        var managed = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++)
        {
            binding.Run();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - managed;
        var grown = ResidentBytes() - before;

        Assert.Equal(0, allocated);
        Assert.True(grown < BoundBytes, $"resident memory grew by {grown} bytes over 2000 runs at 480x640 (bound {BoundBytes})");
    }

    [Fact]
    public void Sessions_metadata_reads_bindings_and_failures_release_what_they_made()
    {
        using var folder = new TempFolder();
        var broken = Path.Combine(folder.Path, "broken.onnx");
        File.WriteAllText(broken, "not a model");
        var withMetadata = ModelFiles.WithMetadata(folder, "tiny-add", [.. Enumerable.Range(0, 20).Select(i => ($"key{i}", new string('v', 2000)))]);

        // The allocator's heap grows over the first few hundred sessions, then stays (measured: 0 kB per
        // 300 after 700). Warming up for fewer let a loaded machine see 3 MB of that growth.
        Cycle(700);
        var before = ResidentBytes();

        Cycle(300);

        var grown = ResidentBytes() - before;
        Assert.True(grown < BoundBytes, $"resident memory grew by {grown} bytes over 300 sessions, metadata reads and failures (bound {BoundBytes})");

        void Cycle(int times)
        {
            for (var i = 0; i < times; i++)
            {
                using (var session = Models.Open("tiny-scale"))
                using (var binding = session.CreateBinding())
                {
                    binding.Run();
                }

                using (var session = InferenceSession.Open(Models.Runtime, withMetadata, new InferenceOptions()))
                {
                    Assert.Equal(20, session.CustomMetadata.Count);
                }

                Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open(Models.Runtime, broken, new InferenceOptions()));
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

[CollectionDefinition(nameof(NativeMemoryTests), DisableParallelization = true)]
public sealed class NativeMemoryCollection;
