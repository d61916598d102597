namespace GzAiEdge.Inference.Metadata;

/// <summary>
/// A metadata value in a model file is malformed. The message names the file, the key and what is wrong with
/// the value, ready to show to a user as it is.
/// </summary>
public sealed class ModelMetadataException : Exception
{
    /// <summary>An error about the value of <paramref name="key"/> in the model at <paramref name="modelPath"/>.</summary>
    public ModelMetadataException(string modelPath, string key, string problem)
        : base($"model {modelPath}: metadata '{key}' {problem}")
    {
        ModelPath = modelPath;
        Key = key;
    }

    /// <inheritdoc cref="ModelMetadataException(string, string, string)"/>
    public ModelMetadataException(string modelPath, string key, string problem, Exception inner)
        : base($"model {modelPath}: metadata '{key}' {problem}", inner)
    {
        ModelPath = modelPath;
        Key = key;
    }

    /// <summary>Full path of the model file whose metadata is malformed.</summary>
    public string ModelPath { get; }

    /// <summary>The metadata key whose value is malformed, e.g. <c>names</c>.</summary>
    public string Key { get; }
}
