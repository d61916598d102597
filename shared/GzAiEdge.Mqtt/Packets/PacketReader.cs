using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace GzAiEdge.Mqtt.Packets;

/// <summary>
/// Reads the body of one complete packet. Every read is bounds-checked and a short or invalid body
/// throws <see cref="MqttProtocolException"/> (0x81 Malformed packet), never anything else.
/// </summary>
internal ref struct PacketReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public PacketReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsAtEnd => _position == _data.Length;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public int ReadVariableByteInteger()
    {
        if (!VariableByteInteger.TryRead(_data[_position..], out var value, out var consumed))
        {
            throw Malformed("variable byte integer runs past the end of the packet");
        }

        _position += consumed;
        return value;
    }

    public ReadOnlySpan<byte> ReadBinary() => Take(ReadUInt16());

    /// <summary>A UTF-8 string: well-formed and without U+0000 [MQTT-1.5.4-1] [MQTT-1.5.4-2].</summary>
    public string ReadString()
    {
        var bytes = ReadBinary();
        if (!Utf8.IsValid(bytes) || bytes.Contains((byte)0))
        {
            throw Malformed("string is not well-formed UTF-8 or contains U+0000 [MQTT-1.5.4-1]");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public ReadOnlySpan<byte> ReadRest() => Take(Remaining);

    /// <summary>Splits off the next <paramref name="length"/> bytes as their own reader (a property block).</summary>
    public PacketReader ReadSection(int length) => new(Take(length));

    /// <summary>Throws unless the body is used up; the packet type names the packet only on failure (naming it eagerly would box it for every ack).</summary>
    public readonly void ExpectEnd(MqttPacketType packet)
    {
        if (!IsAtEnd)
        {
            throw Malformed($"{packet.ToString().ToUpperInvariant()} has {Remaining} unexpected trailing bytes");
        }
    }

    public static MqttProtocolException Malformed(string message) => new(MqttReasonCode.MalformedPacket, message);

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > Remaining)
        {
            throw Malformed($"packet is truncated: needed {length} bytes, {Remaining} left");
        }

        var slice = _data.Slice(_position, length);
        _position += length;
        return slice;
    }
}
