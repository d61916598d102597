using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace GzAiEdge.Mqtt.Packets;

/// <summary>
/// Builds packets back to back in one buffer, so that several (a burst of PUBLISH or PUBACK) go out in
/// one write. Each body is written after 5 reserved bytes; <see cref="Finish"/> puts the fixed header
/// and remaining length in front and closes the gap. A pooled writer (the connection's) rents its buffer
/// from the shared array pool and gives it back with <see cref="ReleaseBuffer"/>, so an idle connection
/// holds none; what it returned is then only valid until the next reset.
/// </summary>
internal sealed class PacketWriter
{
    private const int HeaderReserve = 5;
    private const int PropertyLengthReserve = 4;
    private readonly int _initialCapacity;
    private readonly bool _pooled;
    private byte[]? _buffer;
    private int _position;
    private int _packetStart;
    private int _propertiesStart;
    private int _largestPacket;

    public PacketWriter(int initialCapacity = 256, bool pooled = false)
    {
        _initialCapacity = Math.Max(initialCapacity, 16);
        _pooled = pooled;
    }

    /// <summary>Everything written since <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _position);

    /// <summary>The largest packet finished since <see cref="Reset"/>, to hold against the broker's maximum packet size.</summary>
    public int LargestPacket => _largestPacket;

    /// <summary>Where the writer is: <see cref="Truncate"/> goes back to it, dropping what was written since.</summary>
    public (int Position, int LargestPacket) Mark => (_position, _largestPacket);

    /// <summary>Starts an empty batch.</summary>
    public void Reset()
    {
        _position = 0;
        _largestPacket = 0;
    }

    public void Truncate((int Position, int LargestPacket) mark) => (_position, _largestPacket) = mark;

    /// <summary>Gives the buffer back to the pool; the next packet rents one again.</summary>
    public void ReleaseBuffer()
    {
        if (_pooled && _buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        Reset();
    }

    /// <summary>Starts a packet after those already written.</summary>
    public void Begin()
    {
        _packetStart = _position;
        Grow(HeaderReserve);
    }

    /// <summary>Ends the packet begun last; returns its bytes (valid until the writer is reset or grows).</summary>
    public ReadOnlyMemory<byte> Finish(byte fixedHeader)
    {
        var bodyStart = _packetStart + HeaderReserve;
        var remaining = _position - bodyStart;
        var headerSize = 1 + VariableByteInteger.GetSize(remaining);
        var buffer = _buffer!;
        buffer[_packetStart] = fixedHeader;
        VariableByteInteger.Write(buffer.AsSpan(_packetStart + 1), remaining);
        if (headerSize < HeaderReserve)
        {
            buffer.AsSpan(bodyStart, remaining).CopyTo(buffer.AsSpan(_packetStart + headerSize));
            _position -= HeaderReserve - headerSize;
        }

        var length = _position - _packetStart;
        _largestPacket = Math.Max(_largestPacket, length);
        return buffer.AsMemory(_packetStart, length);
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
            _buffer!.AsSpan(_propertiesStart, length).CopyTo(_buffer.AsSpan(prefixStart + prefix));
            _position -= PropertyLengthReserve - prefix;
        }

        VariableByteInteger.Write(_buffer!.AsSpan(prefixStart), length);
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
        if (_buffer is null || _position + length > _buffer.Length)
        {
            var size = Math.Max((_buffer?.Length ?? _initialCapacity / 2) * 2, _position + length);
            var larger = _pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _position).CopyTo(larger);
                if (_pooled)
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                }
            }

            _buffer = larger;
        }

        var span = _buffer.AsSpan(_position, length);
        _position += length;
        return span;
    }
}
