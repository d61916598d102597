using System.Buffers.Binary;
using System.Text;

namespace GzAiEdge.Mqtt.Packets;

/// <summary>
/// Builds one packet at a time in a reused buffer. The body is written after 5 reserved bytes, so the
/// fixed header and remaining length are filled in front of it at the end without copying the body.
/// </summary>
internal sealed class PacketWriter
{
    private const int HeaderReserve = 5;
    private const int PropertyLengthReserve = 4;
    private byte[] _buffer;
    private int _position;
    private int _propertiesStart;

    public PacketWriter(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    public void Begin() => _position = HeaderReserve;

    public ReadOnlyMemory<byte> Finish(byte fixedHeader)
    {
        var remaining = _position - HeaderReserve;
        var start = HeaderReserve - VariableByteInteger.GetSize(remaining) - 1;
        _buffer[start] = fixedHeader;
        VariableByteInteger.Write(_buffer.AsSpan(start + 1), remaining);
        return _buffer.AsMemory(start, _position - start);
    }

    public void WriteByte(byte value) => Grow(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Grow(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);

    public void WriteVariableByteInteger(int value) =>
        _position -= 4 - VariableByteInteger.Write(Grow(4), value);

    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grow(bytes.Length));

    public void WriteBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"binary data of {bytes.Length} bytes exceeds the MQTT limit of 65535");
        }

        WriteUInt16((ushort)bytes.Length);
        WriteRaw(bytes);
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException($"string of {length} UTF-8 bytes exceeds the MQTT limit of 65535: {value[..32]}…");
        }

        WriteUInt16((ushort)length);
        Encoding.UTF8.GetBytes(value, Grow(length));
    }

    /// <summary>Starts a property block; its length prefix is written by <see cref="EndProperties"/>.</summary>
    public void BeginProperties()
    {
        Grow(PropertyLengthReserve);
        _propertiesStart = _position;
    }

    public void EndProperties()
    {
        var length = _position - _propertiesStart;
        var prefix = VariableByteInteger.GetSize(length);
        var prefixStart = _propertiesStart - PropertyLengthReserve;
        if (prefix < PropertyLengthReserve)
        {
            _buffer.AsSpan(_propertiesStart, length).CopyTo(_buffer.AsSpan(prefixStart + prefix));
            _position -= PropertyLengthReserve - prefix;
        }

        VariableByteInteger.Write(_buffer.AsSpan(prefixStart), length);
    }

    public void WriteProperty(byte id, byte value)
    {
        WriteByte(id);
        WriteByte(value);
    }

    public void WriteProperty(byte id, ushort value)
    {
        WriteByte(id);
        WriteUInt16(value);
    }

    public void WriteProperty(byte id, uint value)
    {
        WriteByte(id);
        WriteUInt32(value);
    }

    public void WriteProperty(byte id, string value)
    {
        WriteByte(id);
        WriteString(value);
    }

    public void WriteUserProperties(IReadOnlyList<MqttUserProperty>? properties)
    {
        if (properties is null)
        {
            return;
        }

        for (var i = 0; i < properties.Count; i++)
        {
            WriteByte(PropertyId.UserProperty);
            WriteString(properties[i].Name);
            WriteString(properties[i].Value);
        }
    }

    private Span<byte> Grow(int length)
    {
        if (_position + length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _position + length));
        }

        var span = _buffer.AsSpan(_position, length);
        _position += length;
        return span;
    }
}
