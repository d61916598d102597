namespace GzAiEdge.Mqtt.Packets;

/// <summary>The variable byte integer of MQTT 5.0 section 1.5.5: 7 bits per byte, at most 4 bytes.</summary>
internal static class VariableByteInteger
{
    public const int MaxValue = 268_435_455;

    public static int GetSize(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    public static int Write(Span<byte> destination, int value)
    {
        var size = GetSize(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }

    /// <summary>Reads a value; false when <paramref name="source"/> ends before the last byte.</summary>
    /// <exception cref="MqttProtocolException">More than 4 bytes, or not the shortest encoding [MQTT-1.5.5-1].</exception>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int consumed)
    {
        value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i >= source.Length)
            {
                consumed = 0;
                return false;
            }

            var b = source[i];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    throw new MqttProtocolException(MqttReasonCode.MalformedPacket, "variable byte integer is not minimally encoded [MQTT-1.5.5-1]");
                }

                consumed = i + 1;
                return true;
            }
        }

        throw new MqttProtocolException(MqttReasonCode.MalformedPacket, "variable byte integer is longer than 4 bytes");
    }
}
