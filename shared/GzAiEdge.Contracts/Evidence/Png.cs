using System.Buffers.Binary;
using System.IO.Compression;

namespace GzAiEdge.Contracts.Evidence;

/// <summary>
/// A minimal PNG writer for RGB24 frames (evidence inputs at the model's resolution): one IHDR, one zlib IDAT with
/// filter 0 on every row, one IEND (PNG spec, 2nd ed., §11.2). Lossless, so an evaluator sees exactly what the model saw.
/// </summary>
public static class Png
{
    // CRC-32 of ISO 3309 as PNG §5.5 gives it, table-driven (no package for one checksum of a few chunks).
    private static readonly uint[] CrcTable = BuildTable();

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG of <paramref name="rgb"/> (rows top to bottom, 3 bytes a pixel).</summary>
    /// <exception cref="ArgumentException">The buffer is not <paramref name="width"/> × <paramref name="height"/> × 3 bytes.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> rgb, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"an RGB24 frame of {width}x{height} needs {width * height * 3} bytes, not {rgb.Length}", nameof(rgb));
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;   // bit depth
        header[9] = 2;   // colour type: truecolour
        header[10] = 0;  // deflate
        header[11] = 0;  // adaptive filtering, filter types 0–4
        header[12] = 0;  // no interlace
        Chunk(output, "IHDR"u8, header);

        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
        {
            var stride = width * 3;
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(rgb.Slice(y * stride, stride));
            }
        }

        Chunk(output, "IDAT"u8, data.GetBuffer().AsSpan(0, (int)data.Length));
        Chunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>Reads the width and height from a PNG's header; false when <paramref name="png"/> is not a PNG.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> png, out int width, out int height)
    {
        width = height = 0;
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return false;
        }

        width = BinaryPrimitives.ReadInt32BigEndian(png[16..]);
        height = BinaryPrimitives.ReadInt32BigEndian(png[20..]);
        return width > 0 && height > 0;
    }

    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~Crc(Crc(uint.MaxValue, type), data));
        output.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
