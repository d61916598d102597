namespace GzAiEdge.Inference;

/// <summary>A model input or output: its name, element type and shape (-1 where a dimension is dynamic).</summary>
public sealed record TensorInfo(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    /// <summary>True when every dimension is known.</summary>
    public bool IsStatic => Shape.All(d => d >= 0);

    /// <summary>Elements in a tensor of this shape (dynamic dimensions counted as 1).</summary>
    public long ElementCount => Shape.Aggregate(1L, (n, d) => n * Math.Max(d, 1));

    /// <summary>E.g. <c>images float32[1,3,128,128]</c>.</summary>
    public override string ToString() => $"{Name} {TensorElementTypes.Describe(ElementType)}{FormatShape(Shape)}";

    /// <summary>E.g. <c>[1,3,?,?]</c>.</summary>
    public static string FormatShape(IEnumerable<long> shape) =>
        $"[{string.Join(',', shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
