namespace GzAiEdge.Inference;

/// <summary>Element types of ONNX tensors (the values of <c>ONNXTensorElementDataType</c>).</summary>
public enum TensorElementType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
}

/// <summary>Maps the managed element types this binding supports to ONNX element types.</summary>
public static class TensorElementTypes
{
    /// <summary>The ONNX element type of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">For types without an ONNX counterpart here.</exception>
    public static TensorElementType Of<T>()
        where T : unmanaged =>
        typeof(T) == typeof(float) ? TensorElementType.Float
        : typeof(T) == typeof(byte) ? TensorElementType.UInt8
        : typeof(T) == typeof(sbyte) ? TensorElementType.Int8
        : typeof(T) == typeof(short) ? TensorElementType.Int16
        : typeof(T) == typeof(int) ? TensorElementType.Int32
        : typeof(T) == typeof(long) ? TensorElementType.Int64
        : typeof(T) == typeof(double) ? TensorElementType.Double
        : throw new NotSupportedException($"{typeof(T).Name} tensors are not supported");

    /// <summary>Lower-case name as ONNX writes it, for messages: <c>float32</c>, <c>uint8</c>, …</summary>
    public static string Describe(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Double => "float64",
        TensorElementType.Float16 => "float16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
