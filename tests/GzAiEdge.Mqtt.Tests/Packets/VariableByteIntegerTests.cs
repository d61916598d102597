using GzAiEdge.Mqtt.Packets;

namespace GzAiEdge.Mqtt.Tests.Packets;

public class VariableByteIntegerTests
{
    // Boundaries from the table in MQTT 5.0 section 1.5.5.
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Boundary_values_encode_as_in_the_spec_table_and_decode_back(int value, byte[] expected)
    {
        var buffer = new byte[4];
        var size = VariableByteInteger.Write(buffer, value);

        Assert.Equal(expected, buffer[..size]);
        Assert.Equal(expected.Length, VariableByteInteger.GetSize(value));
        Assert.True(VariableByteInteger.TryRead(expected, out var decoded, out var consumed));
        Assert.Equal(value, decoded);
        Assert.Equal(expected.Length, consumed);
    }

    [Fact]
    public void Values_over_the_limit_cannot_be_encoded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VariableByteInteger.GetSize(268_435_456));
        Assert.Throws<ArgumentOutOfRangeException>(() => VariableByteInteger.GetSize(-1));
    }

    [Fact]
    public void A_fifth_length_byte_is_a_malformed_packet()
    {
        var error = Assert.Throws<MqttProtocolException>(() => VariableByteInteger.TryRead([0xFF, 0xFF, 0xFF, 0xFF, 0x01], out _, out _));
        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
    }

    [Fact]
    public void A_non_minimal_encoding_is_a_malformed_packet()
    {
        Assert.Throws<MqttProtocolException>(() => VariableByteInteger.TryRead([0x80, 0x00], out _, out _));
    }

    [Fact]
    public void A_truncated_value_needs_more_data()
    {
        Assert.False(VariableByteInteger.TryRead([0x80, 0x80], out _, out _));
        Assert.False(VariableByteInteger.TryRead([], out _, out _));
    }
}
