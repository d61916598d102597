namespace GzAiEdge.Inference;

/// <summary>How a session runs (config section <c>Inference</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record InferenceOptions
{
    public const string Section = "Inference";

    /// <summary>The names <see cref="ExecutionProviders"/> may hold, in the order they are usually preferred.</summary>
    public static readonly IReadOnlyList<string> KnownExecutionProviders = ["tensorrt", "cuda", "cpu"];

    /// <summary>Library to load instead of the one beside the binary (e.g. a JetPack build with CUDA/TensorRT).</summary>
    public string? NativeLibraryPath { get; set; }

    /// <summary>Threads one inference may use; 0 lets ONNX Runtime choose (one per core).</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Graph optimisation level.</summary>
    public GraphOptimization Optimization { get; set; } = GraphOptimization.All;

    /// <summary>
    /// Execution providers in order of preference: <c>tensorrt</c>, <c>cuda</c>, <c>cpu</c>. Each that the
    /// loaded library lacks or cannot start is skipped with the reason logged; CPU always remains, and an
    /// empty list means CPU only. (Empty by default: configuration binding appends to a default list.)
    /// </summary>
    public List<string> ExecutionProviders { get; set; } = [];
}

/// <summary>ONNX Runtime's <c>GraphOptimizationLevel</c>.</summary>
public enum GraphOptimization
{
    None = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
