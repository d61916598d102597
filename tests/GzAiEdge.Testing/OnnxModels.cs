using System.Text;

namespace GzAiEdge.Testing;

/// <summary>
/// Small ONNX models written here, byte by byte (protobuf, onnx.proto3 field numbers), for tests that need a
/// model which loads but misbehaves: the real models in models/ all behave. Each takes the vital-signs
/// classifier's input, <c>vitals</c> float32 [1,2,T], and declares its output <c>logits</c> float32 [1,2], so
/// that the vitals pipeline accepts it.
/// </summary>
public static class OnnxModels
{
    private const int Float = 1, Int64 = 7;

    /// <summary>Mean over time, negated, then the logarithm: heart rate and SpO2 are positive, so both logits are NaN.</summary>
    public static byte[] VitalsNaN(int window = 30) => Model("vitals-nan",
        [
            Node("ReduceMean", ["vitals"], ["mean"], Attribute("axes", [2]), Attribute("keepdims", 0)),
            Node("Neg", ["mean"], ["negative"]),
            Node("Log", ["negative"], ["logits"]),
        ],
        [Value("vitals", Float, [1, 2, window])]);

    /// <summary>
    /// Reshapes the input to a shape given as a second input, which nobody sets: the zeros keep the input's
    /// dimensions, [1,2], which cannot hold 2·T values, so every run fails inside ONNX Runtime. Loading succeeds,
    /// because the shape is known only when the model runs.
    /// </summary>
    public static byte[] VitalsFailingRun(int window = 30) => Model("vitals-reshape",
        [Node("Reshape", ["vitals", "shape"], ["logits"])],
        [Value("vitals", Float, [1, 2, window]), Value("shape", Int64, [2])]);

    /// <summary>
    /// The same model in other bytes, as a re-release would be: the model's doc string (field 6) appended, which
    /// a protobuf reader takes as the field's last value. The graph, and so every output, stays the same.
    /// </summary>
    public static byte[] WithDocString(byte[] model, string text) => [.. model, .. new Proto().String(6, text).ToArray()];

    /// <summary>
    /// A model with metadata_props entries (ModelProto field 14: key 1, value 2) appended, as an exporter writes
    /// them: a repeated field may be appended to the end of an encoded message.
    /// </summary>
    public static byte[] WithMetadata(byte[] model, params (string Key, string Value)[] entries)
    {
        var appended = new Proto();
        foreach (var (key, value) in entries)
        {
            appended.Bytes(14, new Proto().String(1, key).String(2, value).ToArray());
        }

        return [.. model, .. appended.ToArray()];
    }

    private static byte[] Model(string name, byte[][] nodes, byte[][] inputs)
    {
        var graph = new Proto();
        foreach (var node in nodes)
        {
            graph.Bytes(1, node);
        }

        graph.String(2, name);
        foreach (var input in inputs)
        {
            graph.Bytes(11, input);
        }

        graph.Bytes(12, Value("logits", Float, [1, 2]));
        return new Proto().Varint(1, 8).String(2, "gzaiedge-tests").Bytes(7, graph.ToArray())
            .Bytes(8, new Proto().String(1, string.Empty).Varint(2, 17).ToArray()).ToArray();
    }

    private static byte[] Node(string op, string[] inputs, string[] outputs, params byte[][] attributes)
    {
        var node = new Proto();
        Array.ForEach(inputs, i => node.String(1, i));
        Array.ForEach(outputs, o => node.String(2, o));
        node.String(4, op);
        Array.ForEach(attributes, a => node.Bytes(5, a));
        return node.ToArray();
    }

    // AttributeProto: name 1, i 3, ints 8, type 20 (INT = 2, INTS = 7).
    private static byte[] Attribute(string name, long value) => new Proto().String(1, name).Varint(3, value).Varint(20, 2).ToArray();

    private static byte[] Attribute(string name, long[] values)
    {
        var attribute = new Proto().String(1, name);
        Array.ForEach(values, v => attribute.Varint(8, v));
        return attribute.Varint(20, 7).ToArray();
    }

    // ValueInfoProto { name 1, type 2: TypeProto { tensor_type 1: { elem_type 1, shape 2: { dim 1: { dim_value 1 } } } } }.
    private static byte[] Value(string name, int elementType, long[] shape)
    {
        var dims = new Proto();
        Array.ForEach(shape, d => dims.Bytes(1, new Proto().Varint(1, d).ToArray()));
        var tensor = new Proto().Varint(1, elementType).Bytes(2, dims.ToArray());
        return new Proto().String(1, name).Bytes(2, new Proto().Bytes(1, tensor.ToArray()).ToArray()).ToArray();
    }

    private sealed class Proto
    {
        private readonly MemoryStream _bytes = new();

        public Proto Varint(int field, long value) => Tag(field, 0).Raw((ulong)value);

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Bytes(int field, byte[] value)
        {
            Tag(field, 2).Raw((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        public byte[] ToArray() => _bytes.ToArray();

        private Proto Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private Proto Raw(ulong value)
        {
            for (; value >= 0x80; value >>= 7)
            {
                _bytes.WriteByte((byte)(value | 0x80));
            }

            _bytes.WriteByte((byte)value);
            return this;
        }
    }
}
