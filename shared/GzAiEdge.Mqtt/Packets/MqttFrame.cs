namespace GzAiEdge.Mqtt.Packets;

/// <summary>Finds packet boundaries: the fixed header is one byte and a remaining length (MQTT 5.0 section 2.1).</summary>
internal static class MqttFrame
{
    /// <summary>
    /// Reads a fixed header. False means more bytes are needed. A packet larger than
    /// <paramref name="maximumPacketSize"/> throws 0x95 Packet too large [MQTT-3.1.2-25].
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, int maximumPacketSize, out byte header, out int headerSize,
        out int remainingLength)
    {
        header = 0;
        headerSize = 0;
        remainingLength = 0;
        if (data.IsEmpty || !VariableByteInteger.TryRead(data[1..], out remainingLength, out var lengthSize))
        {
            return false;
        }

        header = data[0];
        headerSize = 1 + lengthSize;
        if ((long)headerSize + remainingLength > maximumPacketSize)
        {
            throw new MqttProtocolException(MqttReasonCode.PacketTooLarge,
                $"packet of {headerSize + remainingLength} bytes exceeds the maximum packet size {maximumPacketSize}");
        }

        return true;
    }
}
