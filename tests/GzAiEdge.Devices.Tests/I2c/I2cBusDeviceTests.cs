using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Native;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.I2c;

/// <summary>i2c-dev through the real open(2) and ioctl(2); no I2C hardware needed.</summary>
public sealed class I2cBusDeviceTests
{
    [Fact]
    public void Missing_bus_lists_the_buses_that_are_there()
    {
        using var dev = new TempFolder("gz-dev");
        File.WriteAllText(dev.File("i2c-20"), "");
        File.WriteAllText(dev.File("i2c-1"), "");

        var path = dev.File("i2c-7");
        var e = Assert.Throws<I2cException>(() => I2cBusDevice.Open(path, 7, 0x76));

        Assert.Equal($"i2c-7 address 0x76: open on {path}: no such I2C bus; {dev.Path} has i2c-1, i2c-20 (ENOENT)", e.Message);
    }

    [Fact]
    public void Missing_bus_in_the_real_dev_names_what_dev_holds()
    {
        var e = Assert.Throws<I2cException>(() => I2cBusDevice.Open(97, 0x68));

        Assert.StartsWith("i2c-97 address 0x68: open on /dev/i2c-97: no such I2C bus; /dev has ", e.Message);
    }

    [Fact]
    public void Something_that_is_not_an_adapter_is_refused_by_i2c_funcs()
    {
        var e = Assert.Throws<I2cException>(() => I2cBusDevice.Open("/dev/null", 1, 0x76));

        Assert.Equal("i2c-1 address 0x76: I2C_FUNCS on /dev/null: not an i2c-dev adapter (it does not answer I2C ioctls) (ENOTTY)", e.Message);
    }

    [Fact]
    public void Permission_denied_names_the_group_to_join()
    {
        // As in GpioChipTests: kernfs gives root the EACCES that mode bits give everyone else.
        const string path = "/sys/kernel/uevent_seqnum";

        var e = Assert.Throws<I2cException>(() => I2cBusDevice.Open(path, 1, 0x57));

        Assert.Equal($"i2c-1 address 0x57: open on {path}: permission denied: run as a member of the group that owns {path} (usually 'i2c'; see `ls -l {path}`) or as root (EACCES)", e.Message);
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x78)]
    [InlineData(0x1d6)]
    public void Reserved_and_ten_bit_addresses_are_refused_before_opening(int address)
    {
        var e = Assert.Throws<I2cException>(() => I2cBusDevice.Open("/nonexistent/i2c-1", 1, address));

        Assert.EndsWith("is not a 7-bit device address (0x03 to 0x77)", e.Message);
    }

    [Fact]
    public void Failed_transfer_describes_its_shape_and_register()
    {
        // The real I2C_RDWR ioctl, pinned buffers and message array, on a descriptor that is no adapter.
        using var device = new I2cBusDevice(FileDescriptor.Open("/dev/null", LibC.ORdWr, default), "/dev/null", 1, 0x76, 2);
        var read = new byte[6];

        var e = Assert.Throws<I2cException>(() => device.WriteRead([0xfa], read));

        Assert.Equal("i2c-1 address 0x76 register 0xfa: I2C_RDWR (write 1 bytes, repeated START, read 6 bytes) on /dev/null: Inappropriate ioctl for device (ENOTTY)", e.Message);
        Assert.Equal(0xfa, e.Register);
    }

    [Fact]
    public void Transfer_longer_than_i2c_dev_takes_is_refused()
    {
        using var device = new I2cBusDevice(FileDescriptor.Open("/dev/null", LibC.ORdWr, default), "/dev/null", 1, 0x76, 2);

        var e = Assert.Throws<I2cException>(() => device.Write(new byte[8193]));

        Assert.Equal("i2c-1 address 0x76: a 8193-byte transfer is longer than i2c-dev takes (8192 bytes)", e.Message);
    }
}
