using GzAiEdge.Inference;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests;

/// <summary>The committed models (models/*.onnx) and the runtime beside the test binary.</summary>
internal static class Models
{
    public static OnnxRuntime Runtime => OnnxRuntime.Load();

    public static string Path(string name) => RepoPaths.Combine("models", $"{name}.onnx");

    public static InferenceSession Open(string name, InferenceOptions? options = null) =>
        InferenceSession.Open(Runtime, Path(name), options ?? new InferenceOptions());
}
