namespace GzAiEdge.DeviceManagement.Models;

/// <summary>The model repository the devices download from (config section <c>Models</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record ModelsOptions
{
    public const string Section = "Models";

    /// <summary>The folder <c>gz model sign --out</c> writes: <c>{name}/{version}/manifest.json</c> and <c>model.onnx</c>.</summary>
    public string Path { get; set; } = "model-repository";

    /// <summary>PEM public key of the programme; when set, a <c>model.update</c> is sent only for a manifest that verifies with it.</summary>
    public string? ProgrammeKeyFile { get; set; }
}
