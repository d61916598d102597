using System.Globalization;

namespace GzAiEdge.Inference;

/// <summary>Concrete shapes for inputs with dynamic dimensions, and bindings at those shapes.</summary>
public sealed partial class InferenceSession
{
    /// <summary>
    /// The shape <c>[1, C, H, W]</c> at which the image input <paramref name="inputName"/> runs: batch 1, the
    /// model's channels, and the model's height and width where they are fixed, else those of <paramref name="size"/>.
    /// A YOLO export with <c>dynamic=True</c> (<c>images float32[?,3,?,?]</c>) needs the size; a static one takes it
    /// only when it is its own.
    /// </summary>
    /// <param name="inputName">The image input, e.g. <c>images</c>.</param>
    /// <param name="size">The size to run at (from configuration, or the model's <c>imgsz</c> metadata); null to take the model's own, which must then be fixed.</param>
    /// <param name="stride">The model's stride (its <c>stride</c> metadata), or null: a height or width the model leaves dynamic must be a multiple of it.</param>
    /// <exception cref="OnnxRuntimeException">The input cannot run at that size; the message names the model file, the input, its shape and the shape asked for.</exception>
    public long[] ResolveImageInput(string inputName, ImageSize? size = null, int? stride = null)
    {
        if (stride is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "a stride is positive");
        }

        var input = Inputs.FirstOrDefault(i => i.Name == inputName) ?? throw Error($"has no input '{inputName}'; its inputs are {string.Join(", ", Inputs)}");
        var model = input.Shape;
        if (model.Count != 4)
        {
            throw Error($"input {input} is not an image input [N,C,H,W]: it has {model.Count} dimensions");
        }

        long[] wanted = [1, model[1], size?.Height ?? model[2], size?.Width ?? model[3]];
        if (model[0] > 1)
        {
            throw Refused($"its batch is fixed at {model[0]}; a frame pipeline runs one image at a time");
        }

        if (model[1] < 0)
        {
            throw Refused("its channel count is dynamic, so no image layout can be chosen for it");
        }

        foreach (var (axis, what) in new[] { (2, "height"), (3, "width") })
        {
            var dim = model[axis];
            var value = wanted[axis];
            if (size is null)
            {
                if (dim < 0)
                {
                    throw Refused($"its {what} is dynamic; give the size to run at (from configuration or the model's imgsz metadata)");
                }

                continue;
            }

            if (value <= 0)
            {
                throw Refused($"a {what} of {value} pixels is not possible");
            }

            if (dim >= 0 && dim != value)
            {
                throw Refused($"its {what} is fixed at {dim}");
            }

            if (dim < 0 && stride is { } s && value % s != 0)
            {
                throw Refused($"the {what} {value} is not a multiple of the model's stride {s} (the nearest are {Math.Max(s, value / s * s)} and {((value / s) + 1) * s})");
            }
        }

        return wanted;

        OnnxRuntimeException Refused(string reason) =>
            Error($"input {input} cannot run as {TensorInfo.FormatShape(wanted)}: {reason}");
    }

    /// <summary>
    /// A binding with a new zero-filled tensor for every input, of the shape <paramref name="inputShapes"/> gives
    /// by input name, else the model's (dynamic dimensions set to 1). Every output is pre-allocated too: one
    /// with dynamic dimensions is sized by one run when the binding is made, so that later runs allocate
    /// nothing. That holds for a model whose output shapes follow from its input shapes (every detector and
    /// classifier the pipelines run); one whose output size depends on the input values (NMS inside the graph)
    /// fails its next run with ONNX Runtime's shape mismatch, and is bound with <see cref="Bind"/> instead.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">A shape names no input, does not fit the model's fixed dimensions, or the sizing run failed; the message names the model and the input.</exception>
    public SessionBinding CreateBinding(IReadOnlyDictionary<string, long[]> inputShapes)
    {
        foreach (var (name, shape) in inputShapes)
        {
            if (!Inputs.Any(i => i.Name == name))
            {
                throw Error($"has no input '{name}'; its inputs are {string.Join(", ", Inputs)}");
            }

            if (shape.Any(d => d < 0))
            {
                throw Error($"input '{name}' cannot take shape {FormatGiven(shape)}: every dimension must be given");
            }
        }

        var tensors = new List<PinnedTensor>(Inputs.Count);
        try
        {
            foreach (var input in Inputs)
            {
                var shape = inputShapes.TryGetValue(input.Name, out var given) ? [.. given] : input.Shape.Select(d => Math.Max(d, 1)).ToArray();
                tensors.Add(PinnedTensor.Create(Runtime, input.ElementType, input.Name, shape));
            }

            return Bind(tensors, ownsInputs: true, pinOutputs: true);
        }
        catch
        {
            tensors.ForEach(t => t.Dispose());
            throw;
        }
    }

    private static string FormatGiven(long[] shape) => $"[{string.Join(',', shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))}]";
}
