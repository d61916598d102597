using System.Globalization;

namespace GzAiEdge.Inference.Metadata;

/// <summary>The name and version a model reports itself by (in KPI reports, logs and <c>gz config validate</c>).</summary>
/// <param name="Name">E.g. <c>YOLOv8n</c>.</param>
/// <param name="Version">E.g. <c>1.2</c>; <c>0</c> when nothing gives one.</param>
public sealed record ModelIdentity(string Name, string Version)
{
    // Graph names exporters write whatever the model is (torch.onnx: torch_jit, before 1.10 torch-jit-export;
    // the dynamo exporter: main_graph). Reporting them would make every such model look the same.
    private static readonly HashSet<string> ExporterGraphNames = new(["torch_jit", "torch-jit-export", "main_graph"], StringComparer.Ordinal);

    /// <summary>
    /// Each part from the first source that has it: the configuration, then the Ultralytics metadata (the model
    /// name in its description, its version), then the graph (its name, unless it is an exporter's default name,
    /// in which case the model file's name; its <c>model_version</c>).
    /// </summary>
    /// <param name="configuredName">The name the configuration gives; null or blank when it gives none.</param>
    /// <param name="configuredVersion">The version the configuration gives; null or blank when it gives none.</param>
    /// <param name="metadata">The model's Ultralytics metadata, or null.</param>
    /// <param name="graphName">The graph's name (<see cref="InferenceSession.GraphName"/>).</param>
    /// <param name="graphVersion">The file's <c>model_version</c> (<see cref="InferenceSession.ModelVersion"/>).</param>
    /// <param name="modelPath">The model file, whose name stands in for an exporter's default graph name.</param>
    public static ModelIdentity Resolve(string? configuredName, string? configuredVersion, UltralyticsMetadata? metadata, string graphName, long graphVersion, string modelPath)
    {
        var name = Given(configuredName) ?? Given(metadata?.ModelName)
            ?? (ExporterGraphNames.Contains(graphName) || string.IsNullOrWhiteSpace(graphName) ? Path.GetFileNameWithoutExtension(modelPath) : graphName);
        var version = Given(configuredVersion) ?? Given(metadata?.Version) ?? graphVersion.ToString(CultureInfo.InvariantCulture);
        return new ModelIdentity(name, version);
    }

    /// <summary><see cref="Resolve(string?, string?, UltralyticsMetadata?, string, long, string)"/> for a loaded model.</summary>
    public static ModelIdentity Resolve(InferenceSession session, UltralyticsMetadata? metadata, string? configuredName, string? configuredVersion) =>
        Resolve(configuredName, configuredVersion, metadata, session.GraphName, session.ModelVersion, session.ModelPath);

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
