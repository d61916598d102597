using System.Globalization;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests.Native;

/// <summary>
/// Every native object is released on every path: resident memory does not grow over many runs, many
/// sessions, or many failures, and a run allocates no managed memory.
/// </summary>
public sealed class NativeMemoryTests
{
    // Allocator noise and lazily mapped pages move RSS by a few hundred kB; a leak of even 100 bytes per run
    // would add 1 MB over 10 000 runs, 2 kB per session or failure 400 kB over 200, so 4 MB catches both
    // a per-run leak of a tensor (64 B data + headers) and a per-session leak of any object.
    private const long BoundBytes = 4L << 20;

    [Fact]
    public void Ten_thousand_runs_keep_resident_memory_stable_and_allocate_nothing_managed()
    {
        using var session = Models.Open("traffic-detector");
        using var binding = session.CreateBinding();
        binding.Input<float>(0).Fill(0.5f);
        for (var i = 0; i < 500; i++)
        {
            binding.Run();
        }

        var before = ResidentBytes();
        var managed = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            binding.Run();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - managed;
        var grown = ResidentBytes() - before;

        Assert.Equal(0, allocated);
        Assert.True(grown < BoundBytes, $"resident memory grew by {grown} bytes over 10 000 runs (bound {BoundBytes})");
    }

    [Fact]
    public void Sessions_bindings_and_failures_release_what_they_made()
    {
        using var folder = new TempFolder();
        var broken = Path.Combine(folder.Path, "broken.onnx");
        File.WriteAllText(broken, "not a model");
        Cycle(20);
        var before = ResidentBytes();

        Cycle(200);

        var grown = ResidentBytes() - before;
        Assert.True(grown < BoundBytes, $"resident memory grew by {grown} bytes over 200 sessions and failures (bound {BoundBytes})");

        void Cycle(int times)
        {
            for (var i = 0; i < times; i++)
            {
                using (var session = Models.Open("tiny-scale"))
                using (var binding = session.CreateBinding())
                {
                    binding.Run();
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
