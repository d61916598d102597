using System.Text;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests;

/// <summary>
/// Model files for what the committed models do not show: metadata a real export would not carry, and a
/// run that fails only once the shapes are known. Written as protobuf by hand (onnx.proto3 field numbers).
/// </summary>
internal static class ModelFiles
{
    private const int Float = 1, Int64 = 7;

    /// <summary>A copy of a committed model with metadata_props appended (<see cref="OnnxModels.WithMetadata"/>).</summary>
    public static string WithMetadata(TempFolder folder, string model, params (string Key, string Value)[] entries) =>
        Save(folder, $"{model}-with-metadata.onnx", OnnxModels.WithMetadata(File.ReadAllBytes(Models.Path(model)), entries));

    /// <summary>
    /// <c>y = Reshape(x, shape)</c> with x float32[n], shape int64[r] and y of dynamic shape. Zero-filled inputs
    /// ask to keep x's dimensions 0 … r-1, which a one-dimensional x has not for r ≥ 2: every such run fails.
    /// </summary>
    public static string DynamicReshape(TempFolder folder)
    {
        var graph = Message(g =>
        {
            Bytes(g, 1, Message(n => String(String(String(String(n, 1, "x"), 1, "shape"), 2, "y"), 4, "Reshape")));
            String(g, 2, "dynamic-reshape");
            Bytes(g, 11, Tensor("x", Float, "n"));
            Bytes(g, 11, Tensor("shape", Int64, "r"));
            Bytes(g, 12, Tensor("y", Float, "a", "b"));
        });
        var model = Message(m =>
        {
            Varint(m, 1, 8);
            Bytes(m, 7, graph);
            Bytes(m, 8, Message(o => Varint(String(o, 1, string.Empty), 2, 17)));
        });
        return Save(folder, "dynamic-reshape.onnx", model);
    }

    // ValueInfoProto { name 1, type 2: TypeProto { tensor_type 1: { elem_type 1, shape 2: { dim 1: { dim_param 2 } } } } }.
    private static byte[] Tensor(string name, int elementType, params string[] dims)
    {
        var shape = Message(s => Array.ForEach(dims, d => Bytes(s, 1, Message(dim => String(dim, 2, d)))));
        var tensor = Message(t => Bytes(Varint(t, 1, elementType), 2, shape));
        return Message(v => Bytes(String(v, 1, name), 2, Message(type => Bytes(type, 1, tensor))));
    }

    private static string Save(TempFolder folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Message(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static Stream String(Stream into, int field, string value) => Bytes(into, field, Encoding.UTF8.GetBytes(value));

    private static Stream Bytes(Stream into, int field, byte[] payload)
    {
        Raw(into, (ulong)((field << 3) | 2));
        Raw(into, (ulong)payload.Length);
        into.Write(payload);
        return into;
    }

    private static Stream Varint(Stream into, int field, long value)
    {
        Raw(into, (ulong)(field << 3));
        Raw(into, (ulong)value);
        return into;
    }

    private static void Raw(Stream into, ulong value)
    {
        for (; value >= 0x80; value >>= 7)
        {
            into.WriteByte((byte)(value | 0x80));
        }

        into.WriteByte((byte)value);
    }
}
