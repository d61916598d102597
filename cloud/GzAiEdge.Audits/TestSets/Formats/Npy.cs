using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GzAiEdge.Audits.TestSets.Formats;

/// <summary>
/// NumPy's <c>.npy</c> files (format 1.0 to 3.0, numpy.lib.format): the header dict gives <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>. Read here: little-endian float32 (<c>&lt;f4</c>) and uint8 (<c>|u1</c>) in C order,
/// what <c>np.save</c> writes for <c>astype("&lt;f4")</c> and <c>uint8</c> arrays.
/// </summary>
internal static partial class Npy
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The array's shape, element type (<c>f4</c> or <c>u1</c>) and raw little-endian data.</summary>
    /// <exception cref="InvalidDataException">Not an .npy file, another element type or order, or shorter than its shape needs.</exception>
    public static (int[] Shape, string Type, byte[] Data) Read(byte[] file)
    {
        if (file.Length < 10 || !file.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a .npy file (no \\x93NUMPY magic)");
        }

        var (headerLength, start) = file[6] == 1 ? (BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8)), 10) : ((int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)), 12);
        if (start + headerLength > file.Length)
        {
            throw new InvalidDataException("the .npy header is cut short");
        }

        var header = Encoding.Latin1.GetString(file, start, headerLength);
        var descr = DescrPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !shape.Success)
        {
            throw new InvalidDataException($"cannot read the .npy header {header.Trim()}");
        }

        if (FortranPattern().IsMatch(header))
        {
            throw new InvalidDataException("a Fortran-order array; save it in C order (np.ascontiguousarray)");
        }

        var type = descr.Groups[1].Value switch
        {
            "<f4" => "f4",
            "|u1" or "<u1" => "u1",
            var other => throw new InvalidDataException($"element type '{other}'; only float32 little-endian ('<f4') and uint8 ('|u1') are read"),
        };
        int[] dims = [.. shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture))];
        var bytes = dims.Aggregate(1L, (n, d) => n * d) * (type == "f4" ? 4 : 1);
        var data = start + headerLength;
        return file.Length - data == bytes
            ? (dims, type, file[data..])
            : throw new InvalidDataException($"{file.Length - data} bytes of data, shape ({string.Join(", ", dims)}) of {type} needs {bytes}");
    }

    /// <summary>The values of float32 little-endian <paramref name="data"/>.</summary>
    public static float[] Floats(byte[] data)
    {
        var values = new float[data.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(i * sizeof(float)));
        }

        return values;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([0-9,\s]*)\)")]
    private static partial Regex ShapePattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*True")]
    private static partial Regex FortranPattern();
}
