using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Inference;
using GzAiEdge.Inference.Metadata;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// A model that takes one RGB image as float32 <c>[N,3,H,W]</c>, bound at batch 1 and the size it runs at: the
/// configured <see cref="PipelineOptions.ImageSize"/>, else its own fixed size, else (a dynamic height or width)
/// its Ultralytics <c>imgsz</c>, a multiple of its <c>stride</c>.
/// </summary>
internal static class ImageInput
{
    /// <summary>Whether <paramref name="session"/>'s model takes one RGB image.</summary>
    public static bool Takes(InferenceSession session) =>
        session.Inputs is [{ ElementType: TensorElementType.Float, Shape: [_, 3, _, _] }];

    /// <summary>A binding for a model that <see cref="Takes"/> an image.</summary>
    /// <exception cref="SettingsException">The model cannot run at the size (the message names the model and the input).</exception>
    /// <exception cref="OnnxRuntimeException">The binding's sizing run failed.</exception>
    public static SessionBinding Bind(InferenceSession session, UltralyticsMetadata? metadata, PipelineOptions options)
    {
        var input = session.Inputs[0];
        var configured = options.ConfiguredImageSize();
        var size = configured ?? (input.Shape[2] < 0 || input.Shape[3] < 0 ? metadata?.ImageSize : null);
        long[] shape;
        try
        {
            shape = session.ResolveImageInput(input.Name, size, metadata?.Stride);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new SettingsException(configured is null ? "Pipeline:Model" : "Pipeline:ImageSize", ex.Message);
        }

        return session.CreateBinding(new Dictionary<string, long[]> { [input.Name] = shape });
    }

    /// <summary>The height and width <paramref name="runner"/>'s image input was bound at.</summary>
    /// <exception cref="InvalidDataException">The model takes no image.</exception>
    public static (int Height, int Width) Size(ModelRunner runner)
    {
        var session = runner.Session;
        var shape = runner.Binding.Inputs[0].Shape;
        return Takes(session) && shape[0] == 1
            ? ((int)shape[2], (int)shape[3])
            : throw new InvalidDataException($"model '{session.GraphName}' takes {string.Join(", ", session.Inputs)}; an image pipeline needs one float32[1,3,H,W] input");
    }
}
