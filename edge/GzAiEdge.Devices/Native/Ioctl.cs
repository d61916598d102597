namespace GzAiEdge.Devices.Native;

/// <summary>
/// Builds ioctl request numbers the way &lt;asm-generic/ioctl.h&gt; does: direction in bits 30–31, argument size in
/// bits 16–29, type in 8–15, number in 0–7. x86-64, arm64 and arm use this encoding (powerpc, mips and sparc do
/// not, and GzAiEdge does not run there).
/// </summary>
internal static class Ioctl
{
    private const uint Write = 1;
    private const uint Read = 2;

    /// <summary><c>_IOR(type, nr, size)</c>: the kernel writes the argument.</summary>
    public static nuint IoR(uint type, uint number, int size) => Encode(Read, type, number, size);

    /// <summary><c>_IOWR(type, nr, size)</c>: the kernel reads and writes the argument.</summary>
    public static nuint IoWR(uint type, uint number, int size) => Encode(Read | Write, type, number, size);

    private static nuint Encode(uint direction, uint type, uint number, int size) =>
        (direction << 30) | ((uint)size << 16) | (type << 8) | number;
}
