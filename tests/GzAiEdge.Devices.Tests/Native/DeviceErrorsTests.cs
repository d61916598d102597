using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.I2c;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Tests.Native;

/// <summary>
/// The errno cases that need a device to happen for real (a busy line, a chip that does not ACK, an old kernel);
/// the ones a plain Linux machine can produce run through real syscalls in the GPIO and I2C tests.
/// </summary>
public sealed class DeviceErrorsTests
{
    private static readonly DeviceCall GpioRequest = new(DeviceKind.GpioChip, "/dev/gpiochip0", "GPIO_V2_GET_LINE_IOCTL") { Line = 17 };
    private static readonly DeviceCall I2cTransfer = new(DeviceKind.I2cBus, "/dev/i2c-1", "I2C_RDWR")
    {
        Bus = 1,
        Address = 0x76,
        Register = 0xd0,
        Detail = "write 1 bytes, repeated START, read 1 bytes",
    };

    [Fact]
    public void Busy_line_names_the_consumer_that_holds_it()
    {
        var e = Assert.IsType<GpioException>(DeviceErrors.Create(Errno.EBUSY, GpioRequest with { Consumer = "pulse-counter" }));

        Assert.Equal("/dev/gpiochip0 line 17: GPIO_V2_GET_LINE_IOCTL: the line is already requested by consumer \"pulse-counter\" (another process or a kernel driver); stop it or choose another line (EBUSY)", e.Message);
        Assert.Equal((Errno.EBUSY, 17), (e.Errno, e.Line!.Value));
    }

    [Fact]
    public void Busy_line_without_a_label_says_so()
    {
        var e = DeviceErrors.Create(Errno.EBUSY, GpioRequest with { Consumer = "" });

        Assert.Contains("another consumer (one that set no label)", e.Message);
    }

    [Theory]
    [InlineData(Errno.EINVAL, "the kernel refused the request as invalid")]
    [InlineData(Errno.ENOTTY, "does not support the GPIO character device uAPI v2 (Linux 5.10 or later is needed)")]
    [InlineData(Errno.EOPNOTSUPP, "does not support the requested configuration")]
    [InlineData(Errno.ENXIO, "cannot raise interrupts, so edge detection and debounce are not possible")]
    [InlineData(Errno.ENODEV, "the GPIO chip is gone")]
    public void Gpio_request_errors_say_what_the_kernel_meant(int errno, string meaning)
    {
        var e = DeviceErrors.Create(errno, GpioRequest);

        Assert.StartsWith("/dev/gpiochip0 line 17: GPIO_V2_GET_LINE_IOCTL: ", e.Message);
        Assert.Contains(meaning, e.Message);
        Assert.EndsWith($"({Errno.Name(errno)})", e.Message);
    }

    [Theory]
    [InlineData(Errno.ENXIO)]
    [InlineData(Errno.EREMOTEIO)]
    [InlineData(Errno.EIO)]
    public void Transfer_without_acknowledge_names_bus_address_and_register(int errno)
    {
        var e = Assert.IsType<I2cException>(DeviceErrors.Create(errno, I2cTransfer));

        Assert.Equal($"i2c-1 address 0x76 register 0xd0: I2C_RDWR (write 1 bytes, repeated START, read 1 bytes) on /dev/i2c-1: no ACK from address 0x76: nothing answers there; check power, wiring, pull-ups and the address pins (`i2cdetect -y 1` lists what answers) ({Errno.Name(errno)})", e.Message);
    }

    [Fact]
    public void Address_claimed_by_a_kernel_driver_points_at_sysfs()
    {
        var e = DeviceErrors.Create(Errno.EBUSY, I2cTransfer with { Operation = "I2C_SLAVE", Register = null, Detail = null });

        Assert.Equal("i2c-1 address 0x76: I2C_SLAVE on /dev/i2c-1: address 0x76 is claimed by a kernel driver (see /sys/bus/i2c/devices/1-0076/driver); unbind that driver first (EBUSY)", e.Message);
    }

    [Theory]
    [InlineData(Errno.EAGAIN, "arbitration lost")]
    [InlineData(Errno.ETIMEDOUT, "holding SCL or SDA low")]
    [InlineData(Errno.EOPNOTSUPP, "cannot perform this transfer")]
    public void Other_bus_faults_follow_the_i2c_fault_codes(int errno, string meaning)
    {
        Assert.Contains(meaning, DeviceErrors.Create(errno, I2cTransfer).Message);
    }

    [Fact]
    public void Unknown_errno_falls_back_to_the_C_library_text()
    {
        var e = DeviceErrors.Create(28, GpioRequest);

        Assert.Equal("/dev/gpiochip0 line 17: GPIO_V2_GET_LINE_IOCTL: No space left on device (errno 28)", e.Message);
    }
}
