using System.Buffers.Binary;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Reads which CPU a native library is built for, so a config cannot name one the board cannot load.</summary>
public static class ElfHeader
{
    // ELF header (System V gABI, "ELF Header"): e_ident[16], e_type (2 bytes), e_machine (2 bytes).
    // EI_CLASS (byte 4) 2 = 64-bit; EI_DATA (byte 5) 1 = little-endian; e_machine 62 = EM_X86_64, 183 = EM_AARCH64.
    private const int MachineOffset = 18;

    /// <summary>
    /// The architecture (<c>x64</c>, <c>arm64</c>, or <c>e_machine N</c> for another) of a 64-bit little-endian ELF
    /// file; null when the file is not one.
    /// </summary>
    public static string? Architecture(string path)
    {
        Span<byte> header = stackalloc byte[MachineOffset + 2];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                return null;
            }
        }

        if (!header[..4].SequenceEqual("\u007fELF"u8) || header[4] != 2 || header[5] != 1)
        {
            return null;
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(header[MachineOffset..]) switch
        {
            62 => "x64",
            183 => "arm64",
            var machine => $"e_machine {machine}",
        };
    }
}
