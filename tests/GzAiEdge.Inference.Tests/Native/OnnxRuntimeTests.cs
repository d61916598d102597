using GzAiEdge.Inference.Native;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests.Native;

public sealed class OnnxRuntimeTests
{
    [Fact]
    public void Loads_the_library_beside_the_binary_and_lists_the_CPU_provider()
    {
        var runtime = Models.Runtime;

        Assert.Equal(OnnxRuntimeLibraries.PinnedVersion, runtime.Version);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, OnnxRuntime.LibraryFileName), runtime.LibraryPath);
        Assert.Contains("CPUExecutionProvider", runtime.AvailableProviders);
        Assert.Same(runtime, OnnxRuntime.Load());
    }

    [Fact]
    public void Only_this_architectures_library_is_copied_from_the_package()
    {
        // NuGet's package holds every platform's library (about 300 MB); its own build targets would copy them all.
        var copied = Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Contains("onnxruntime", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(AppContext.BaseDirectory, f));

        Assert.Equal([OnnxRuntime.LibraryFileName], copied);
    }

    [Fact]
    public void A_second_library_in_the_same_process_is_refused_by_name()
    {
        _ = Models.Runtime;

        var ex = Assert.Throws<OnnxRuntimeException>(() => OnnxRuntime.Load("/opt/other/libonnxruntime.so.1"));

        Assert.Contains("already loaded from", ex.Message);
        Assert.Contains("/opt/other/libonnxruntime.so.1", ex.Message);
    }

    [Fact]
    public void A_missing_library_names_the_path_and_the_fix()
    {
        var ex = Assert.Throws<OnnxRuntimeException>(() => OnnxRuntime.Open("/nonexistent/libonnxruntime.so.1"));

        Assert.Contains("/nonexistent/libonnxruntime.so.1", ex.Message);
        Assert.Contains("Inference:NativeLibraryPath", ex.Message);
    }

    [Fact]
    public void A_library_that_is_not_onnx_runtime_is_refused()
    {
        var other = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1" }.First(File.Exists);

        var ex = Assert.Throws<OnnxRuntimeException>(() => OnnxRuntime.Open(other));

        Assert.Contains("is not ONNX Runtime", ex.Message);
    }

    [Fact]
    public void Asking_for_tensorrt_and_cuda_without_their_provider_libraries_falls_back_to_cpu_and_says_why()
    {
        // The npm build lists the GPU providers but ships without their shared libraries (its install script
        // would fetch them), so appending them fails here exactly as on a device without CUDA.
        using var session = Models.Open("tiny-add", new InferenceOptions { ExecutionProviders = ["tensorrt", "cuda", "cpu"] });

        Assert.Equal(["cpu"], session.Providers.Chosen);
        Assert.Equal(2, session.Providers.Skipped.Count);
        Assert.StartsWith("tensorrt: ", session.Providers.Skipped[0]);
        Assert.StartsWith("cuda: ", session.Providers.Skipped[1]);
        Assert.All(session.Providers.Skipped, s => Assert.Matches("not in this ONNX Runtime build|Failed to load shared library", s));
    }

    [Fact]
    public void An_unknown_execution_provider_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => Models.Open("tiny-add", new InferenceOptions { ExecutionProviders = ["npu"] }));

        Assert.Contains("'npu'", ex.Message);
    }
}
