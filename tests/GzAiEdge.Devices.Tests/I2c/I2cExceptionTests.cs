using GzAiEdge.Devices.I2c;

namespace GzAiEdge.Devices.Tests.I2c;

public sealed class I2cExceptionTests
{
    [Fact]
    public void Message_names_bus_address_and_register()
    {
        var ex = new I2cException(1, 0x76, 0xd0, "chip id 0x58 is not a BME280 (0x60)");

        Assert.Equal("i2c-1 address 0x76 register 0xd0: chip id 0x58 is not a BME280 (0x60)", ex.Message);
        Assert.Equal((1, 0x76, 0xd0), (ex.Bus, ex.Address, ex.Register!.Value));
    }

    [Fact]
    public void Message_without_register_names_bus_and_address()
    {
        var ex = new I2cException(3, 0x57, null, "no acknowledge");

        Assert.Equal("i2c-3 address 0x57: no acknowledge", ex.Message);
        Assert.Null(ex.Register);
    }
}
