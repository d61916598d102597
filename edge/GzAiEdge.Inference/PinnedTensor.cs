using System.Runtime.InteropServices;
using GzAiEdge.Inference.Native;

namespace GzAiEdge.Inference;

/// <summary>
/// A tensor whose buffer lives on the pinned object heap, with an ONNX Runtime value over that buffer.
/// ONNX Runtime reads and writes the buffer in place (<c>CreateTensorWithDataAsOrtValue</c> does not copy),
/// so the buffer never moves and stays alive as long as this object; disposing releases the native value.
/// </summary>
public abstract unsafe class PinnedTensor : IDisposable
{
    private readonly OrtValueHandle _value;

    private protected PinnedTensor(OnnxRuntime runtime, string name, TensorElementType type, long[] shape, void* data, long bytes)
    {
        Name = name;
        ElementType = type;
        Shape = shape;
        var api = runtime.Api;
        nint value;
        fixed (long* dims = shape)
        {
            api.Check(api.CreateTensorWithDataAsOrtValue(runtime.CpuMemory.DangerousGetHandle(), data, (nuint)bytes, dims, (nuint)shape.Length, (int)type, &value),
                $"creating tensor '{name}' {TensorElementTypes.Describe(type)}{TensorInfo.FormatShape(shape)}");
        }

        _value = new OrtValueHandle(value, api);
    }

    public string Name { get; }

    public TensorElementType ElementType { get; }

    public IReadOnlyList<long> Shape { get; }

    internal nint Value => _value.DangerousGetHandle();

    /// <summary>A zero-filled tensor of the given ONNX element type.</summary>
    public static PinnedTensor Create(OnnxRuntime runtime, TensorElementType type, string name, long[] shape) => type switch
    {
        TensorElementType.Float => new PinnedTensor<float>(runtime, name, shape),
        TensorElementType.UInt8 => new PinnedTensor<byte>(runtime, name, shape),
        TensorElementType.Int8 => new PinnedTensor<sbyte>(runtime, name, shape),
        TensorElementType.Int16 => new PinnedTensor<short>(runtime, name, shape),
        TensorElementType.Int32 => new PinnedTensor<int>(runtime, name, shape),
        TensorElementType.Int64 => new PinnedTensor<long>(runtime, name, shape),
        TensorElementType.Double => new PinnedTensor<double>(runtime, name, shape),
        _ => throw new NotSupportedException($"tensor '{name}': {TensorElementTypes.Describe(type)} tensors are not supported"),
    };

    public void Dispose()
    {
        _value.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected static long Count(long[] shape) =>
        shape.All(d => d >= 0) ? shape.Aggregate(1L, (n, d) => n * d) : throw new ArgumentException($"shape {TensorInfo.FormatShape(shape)} has a dynamic dimension", nameof(shape));
}

/// <summary>A pinned tensor of <typeparamref name="T"/>; <see cref="Span"/> is its data, row-major.</summary>
public sealed unsafe class PinnedTensor<T> : PinnedTensor
    where T : unmanaged
{
    private readonly T[] _data;

    public PinnedTensor(OnnxRuntime runtime, string name, long[] shape)
        : this(runtime, name, shape, GC.AllocateArray<T>(checked((int)Count(shape)), pinned: true))
    {
    }

    private PinnedTensor(OnnxRuntime runtime, string name, long[] shape, T[] data)
        : base(runtime, name, TensorElementTypes.Of<T>(), shape, AddressOf(data), (long)data.Length * sizeof(T)) => _data = data;

    /// <summary>The tensor's elements; write inputs here before a run, read outputs after.</summary>
    public Span<T> Span => _data;

    // The array is on the pinned object heap: its address is fixed for its lifetime.
    private static void* AddressOf(T[] data) => System.Runtime.CompilerServices.Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(data));
}
