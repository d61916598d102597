using GzAiEdge.Devices.I2c.Interop;
using static GzAiEdge.Devices.Tests.Native.LibCLayoutTests;
using KernelHeaders = GzAiEdge.Devices.Tests.Native.KernelHeaders;

namespace GzAiEdge.Devices.Tests.I2c;

public sealed unsafe class I2cUapiLayoutTests
{
    [Fact]
    public void I2c_msg_and_rdwr_data_match_linux_i2c_h()
    {
        I2cMsg message;
        I2cRdwrIoctlData data;

        Assert.Equal(KernelHeaders.SizeOf("i2c_msg"), sizeof(I2cMsg));
        Assert.Equal(KernelHeaders.OffsetOf("i2c_msg", "addr"), Offset(&message, &message.Addr));
        Assert.Equal(KernelHeaders.OffsetOf("i2c_msg", "flags"), Offset(&message, &message.Flags));
        Assert.Equal(KernelHeaders.OffsetOf("i2c_msg", "len"), Offset(&message, &message.Len));
        Assert.Equal(KernelHeaders.OffsetOf("i2c_msg", "buf"), Offset(&message, &message.Buf));
        Assert.Equal(KernelHeaders.SizeOf("i2c_rdwr_ioctl_data"), sizeof(I2cRdwrIoctlData));
        Assert.Equal(KernelHeaders.OffsetOf("i2c_rdwr_ioctl_data", "msgs"), Offset(&data, &data.Msgs));
        Assert.Equal(KernelHeaders.OffsetOf("i2c_rdwr_ioctl_data", "nmsgs"), Offset(&data, &data.Nmsgs));
    }

    [Theory]
    [InlineData("I2C_SLAVE")]
    [InlineData("I2C_FUNCS")]
    [InlineData("I2C_RDWR")]
    [InlineData("I2C_FUNC_I2C")]
    [InlineData("I2C_M_RD")]
    public void Request_and_flag_match_linux_i2c_dev_h(string name)
    {
        var ours = name switch
        {
            "I2C_SLAVE" => I2cUapi.Slave.Number,
            "I2C_FUNCS" => I2cUapi.Funcs.Number,
            "I2C_RDWR" => I2cUapi.ReadWrite.Number,
            "I2C_FUNC_I2C" => I2cUapi.FuncI2c,
            _ => (nuint)I2cUapi.MessageRead,
        };

        Assert.Equal(KernelHeaders.Value(name), ours);
    }

    [Fact]
    public void Requests_equal_the_values_in_the_header_text()
    {
        Assert.Equal((0x0703u, 0x0705u, 0x0707u), ((uint)I2cUapi.Slave.Number, (uint)I2cUapi.Funcs.Number, (uint)I2cUapi.ReadWrite.Number));
    }
}
