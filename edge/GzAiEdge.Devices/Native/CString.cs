using System.Text;

namespace GzAiEdge.Devices.Native;

/// <summary>NUL-terminated UTF-8 in the fixed <c>char[N]</c> fields of uAPI structs.</summary>
internal static unsafe class CString
{
    public static string Read(byte* field, int size)
    {
        var bytes = new ReadOnlySpan<byte>(field, size);
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>Writes <paramref name="value"/> and its NUL; false when it does not fit in <paramref name="size"/> bytes.</summary>
    public static bool TryWrite(string value, byte* field, int size)
    {
        var target = new Span<byte>(field, size);
        target.Clear();
        return Encoding.UTF8.GetByteCount(value) < size && Encoding.UTF8.TryGetBytes(value, target, out _);
    }
}
