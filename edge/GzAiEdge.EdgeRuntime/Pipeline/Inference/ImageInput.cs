using GzAiEdge.Inference;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>Checks that a model takes one RGB image as float32 <c>[1,3,H,W]</c> and says its size.</summary>
internal static class ImageInput
{
    public static (int Height, int Width) Size(InferenceSession session)
    {
        var input = session.Inputs[0];
        var s = input.Shape;
        return session.Inputs.Count == 1 && input.ElementType == TensorElementType.Float && s.Count == 4 && s[0] == 1 && s[1] == 3 && input.IsStatic
            ? ((int)s[2], (int)s[3])
            : throw new InvalidDataException($"model '{session.GraphName}' takes {string.Join(", ", session.Inputs)}; an image pipeline needs one float32[1,3,H,W] input");
    }
}
